/**
 * The credential path (docs/vendors/exaktime.md §2.1): sign in at the company's own host, `{companyId}.exaktime.com`,
 * with the ExakTime Connect username and password, and read with the session token. The protocol is
 * *unverified* (no public documentation; it needs a traffic capture from a real account), so it is written
 * against the sandbox's model of it, behind the same interface as the API key. Sessions are cached per
 * isolate and renewed a minute before they expire or on a 401.
 * @module
 */
import { VendorError } from '../../sync/vendor-error'
import type { VendorHttp } from '../../sync/vendor-http'
import type { ExakTimeSettings } from './settings'

type Login = { companyId: string; username: string; password: string }

const sessions = new Map<string, { token: string; expiresAt: number }>()

const CHECK_COMPANY = 'The Company ID is the part before .exaktime.com in the address you open ExakTime Connect at.'

/** Production: `https://{companyId}.exaktime.com`; a sandbox serves every company under `/connect/{companyId}`. */
export const loginUrl = (settings: ExakTimeSettings, companyId: string) =>
  settings.baseUrl ? `${settings.baseUrl.replace(/\/+$/, '')}/connect/${encodeURIComponent(companyId)}/login` : `https://${companyId}.exaktime.com/login`

const key = (settings: ExakTimeSettings, c: Login) => `${settings.baseUrl ?? ''}|${c.companyId}|${c.username}|${c.password.length}|${c.password.slice(-3)}`

async function signIn(http: VendorHttp, settings: ExakTimeSettings, c: Login, now: number): Promise<string> {
  let res: Response
  try {
    res = await http.fetch(loginUrl(settings, c.companyId), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username: c.username, password: c.password }),
    })
  } catch (err) {
    // No such subdomain fails in DNS, before any answer.
    if (err instanceof VendorError && err.kind === 'vendor_down' && !settings.baseUrl) {
      throw new VendorError('bad_credentials', `${c.companyId}.exaktime.com could not be reached: check the Company ID. ${CHECK_COMPANY}`)
    }
    throw err
  }
  const body = (await res.json().catch(() => null)) as { token?: string; expires_in?: number; error?: { message?: string } } | null
  switch (res.status) {
    case 200:
      if (!body?.token) throw new VendorError('bad_response', 'ExakTime signed us in but sent no session.')
      sessions.set(key(settings, c), { token: body.token, expiresAt: now + (body.expires_in ?? 3600) * 1000 })
      return body.token
    case 400:
      throw new VendorError('bad_credentials', `ExakTime refused the Company ID "${c.companyId}": ${body?.error?.message ?? 'it is not valid.'} ${CHECK_COMPANY}`, { status: 400 })
    case 404:
      throw new VendorError('bad_credentials', `There is no ExakTime company "${c.companyId}" (${c.companyId}.exaktime.com). Check the Company ID. ${CHECK_COMPANY}`, { status: 404 })
    case 401:
      throw new VendorError('bad_credentials', `ExakTime did not accept this username and password for company "${c.companyId}". Check them by signing in at ${c.companyId}.exaktime.com.`, { status: 401 })
    case 423:
      throw new VendorError('locked', 'ExakTime has locked this account. An ExakTime administrator must unlock it (or reset the password); then reconnect.', { status: 423 })
    default:
      throw new VendorError(res.status >= 500 ? 'vendor_down' : 'bad_response', `ExakTime answered ${res.status} to the sign-in.`, { status: res.status })
  }
}

export async function session(http: VendorHttp, settings: ExakTimeSettings, c: Login, now: number, renew = false): Promise<string> {
  const cached = sessions.get(key(settings, c))
  if (!renew && cached && cached.expiresAt - 60_000 > now) return cached.token
  return signIn(http, settings, c, now)
}
