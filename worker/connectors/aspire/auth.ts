/**
 * Aspire tokens: `POST /Authorization` with ClientId/Secret gives a JWT whose `exp` we read (no expiry
 * field is returned). Tokens are cached per isolate and renewed a minute before they expire or on a 401.
 * Wrong credentials reportedly answer 404, not 401: any non-2xx here is a credentials problem.
 * @module
 */
import { VendorError } from '../../sync/vendor-error'
import type { VendorHttp } from '../../sync/vendor-http'
import type { AspireCredentials } from './settings'
import type { AspireAuthResult } from './types'

const cache = new Map<string, { token: string; expiresAt: number }>()

export const WRONG_CREDENTIALS =
  'Aspire did not accept this Client ID and Secret. Check them in Aspire under Administration → Application → API; the Secret is shown only once, so generate a new one if it was lost.'

function expiryOf(token: string, now: number): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number }
    if (typeof payload.exp === 'number') return payload.exp * 1000
  } catch {
    // Not a readable JWT: assume the documented-by-third-parties 24 h and rely on 401 renewal.
  }
  return now + 23 * 3600_000
}

export async function login(http: VendorHttp, baseUrl: string, credentials: AspireCredentials, now: number): Promise<string> {
  const res = await http.fetch(`${baseUrl}/Authorization`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ ClientId: credentials.clientId, Secret: credentials.secret }),
  })
  if (!res.ok) {
    await res.body?.cancel()
    throw new VendorError('bad_credentials', WRONG_CREDENTIALS, { status: res.status })
  }
  const body = (await res.json().catch(() => null)) as AspireAuthResult | null
  if (!body?.Token) throw new VendorError('bad_response', 'Aspire signed us in but sent no token.')
  cache.set(cacheKey(baseUrl, credentials), { token: body.Token, expiresAt: expiryOf(body.Token, now) })
  return body.Token
}

const cacheKey = (baseUrl: string, c: AspireCredentials) => `${baseUrl}|${c.clientId}|${c.secret.length}|${c.secret.slice(-4)}`

export async function token(http: VendorHttp, baseUrl: string, credentials: AspireCredentials, now: number, renew = false): Promise<string> {
  const cached = cache.get(cacheKey(baseUrl, credentials))
  if (!renew && cached && cached.expiresAt - 60_000 > now) return cached.token
  return login(http, baseUrl, credentials, now)
}
