/**
 * Calls to Buildertrend's internal JSON API with the web app's headers (`portaltype: 1`), unwrapping the
 * `/api` envelope. An ended session shows as `needsToRelogin`, a redirect (to `/app/error` or a login
 * page), a 401 or an HTML page where JSON was expected: we sign in again once and repeat the request; if
 * Buildertrend ends the fresh session too, a person has to look (docs/vendors/buildertrend.md §3).
 * @module
 */
import type { SyncContext } from '../../sync/connector'
import { VendorError } from '../../sync/vendor-error'
import { session } from './auth'
import { appUrlOf, type BuildertrendCredentials, type BuildertrendSettings } from './settings'
import type { BtEnvelope } from './types'

export type BtContext = SyncContext<BuildertrendCredentials, BuildertrendSettings>

export const SESSION_REFUSED =
  'Buildertrend signed us in but keeps ending the session, which happens when it refuses automated access. Sign in at buildertrend.net in a browser to check the account, then reconnect.'

type Answer = { kind: 'expired' } | { kind: 'json'; status: number; body: unknown }

async function send(ctx: BtContext, path: string, init: { method: 'GET' | 'POST'; body?: unknown }, renew: boolean): Promise<Answer> {
  const base = appUrlOf(ctx.settings)
  const token = await session(ctx.http, ctx.settings, ctx.credentials, renew)
  const res = await ctx.http.fetch(`${base}${path}`, {
    method: init.method,
    redirect: 'manual',
    headers: {
      authorization: `Bearer ${token}`,
      portaltype: '1',
      accept: 'application/json',
      referer: `${base}/app/Landing`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  if ((res.status >= 300 && res.status < 400) || res.status === 401) {
    await res.body?.cancel()
    return { kind: 'expired' }
  }
  const text = await res.text()
  if (/^\s*</.test(text)) return { kind: 'expired' }
  let body: unknown
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    throw new VendorError('bad_response', `Buildertrend answered ${path} with something that is not JSON.`, { status: res.status })
  }
  if ((body as { needsToRelogin?: unknown } | null)?.needsToRelogin === true) return { kind: 'expired' }
  if (!res.ok) throw new VendorError('bad_response', `Buildertrend answered ${res.status} to ${path}: ${text.slice(0, 200)}`, { status: res.status })
  return { kind: 'json', status: res.status, body }
}

async function call(ctx: BtContext, path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<unknown> {
  const first = await send(ctx, path, init, false)
  if (first.kind === 'json') return first.body
  const second = await send(ctx, path, init, true)
  if (second.kind === 'json') return second.body
  throw new VendorError('needs_human', SESSION_REFUSED)
}

/** `/api/...`: the envelope's `data`; `success: false` is an app-level error (retry later). */
export async function btApi<T>(ctx: BtContext, path: string, body?: unknown): Promise<T> {
  const answer = (await call(ctx, path, { method: body === undefined ? 'GET' : 'POST', body })) as BtEnvelope<T> | null
  if (!answer || typeof answer !== 'object' || !('success' in answer)) throw new VendorError('bad_response', `Buildertrend answered ${path} without its usual envelope.`)
  if (!answer.success) throw new VendorError('bad_response', `Buildertrend could not answer ${path}: ${answer.message ?? 'no reason given'}.`)
  return answer.data
}

/** `/apix/v2/...`: the payload at the top level, no envelope. */
export const btApix = async <T>(ctx: BtContext, path: string, body: unknown): Promise<T> => (await call(ctx, path, { method: 'POST', body })) as T
