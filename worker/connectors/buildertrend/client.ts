/**
 * Calls to Buildertrend's internal JSON API the way the web app makes them from a signed-in Chrome tab
 * (docs/vendors/buildertrend.md §16.3): the session cookies (refreshed from every `Set-Cookie`), the bearer of the
 * password login beside them, and Chrome's request headers; the `/api` envelope unwrapped. An ended session shows as
 * `needsToRelogin`, a redirect (to `/app/error` or a login page), a 401 or an HTML page where JSON was expected
 * (§16.4): we sign in again once and repeat the request; if Buildertrend ends the fresh session too, a person has to
 * open Buildertrend (§3).
 * @module
 */
import type { SyncContext } from '../../sync/connector'
import { VendorError } from '../../sync/vendor-error'
import { BROWSER_SESSION_ENDED, canRenew, session } from './auth'
import { browserHeaders } from './browser-headers'
import { appUrlOf, type BuildertrendCredentials, type BuildertrendSettings } from './settings'
import type { BtEnvelope } from './types'

export type BtContext = SyncContext<BuildertrendCredentials, BuildertrendSettings>

export const SESSION_EXPIRED =
  'Buildertrend signed us in but ended the session straight away, which it does when it wants a person to sign in again. Sign in to Buildertrend in Chrome with this account once (finish any check it shows), then reconnect here.'
export const UNREACHABLE = 'Buildertrend could not be reached or kept failing. Nothing to do on your side: the sync tries again by itself.'

type Answer = { kind: 'expired' } | { kind: 'json'; status: number; body: unknown }

async function send(ctx: BtContext, path: string, init: { method: 'GET' | 'POST'; body?: unknown }, renew: boolean): Promise<Answer> {
  const base = appUrlOf(ctx.settings)
  const { jar, bearer } = await session(ctx.http, ctx.settings, ctx.credentials, renew)
  const cookie = jar.header()
  let res: Response
  try {
    res = await ctx.http.fetch(`${base}${path}`, {
      method: init.method,
      redirect: 'manual',
      headers: {
        ...browserHeaders(base, init.method === 'POST'),
        ...(cookie ? { cookie } : {}),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  } catch (err) {
    if (err instanceof VendorError && err.kind === 'vendor_down') throw new VendorError('vendor_down', `${UNREACHABLE} (${err.message})`, err.options)
    throw err
  }
  // Buildertrend renews (or clears) its cookies on any answer, the refusals included (RO-PULL `collectCookies`).
  jar.absorb(res)
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
  // A browser session cannot sign in again: only the admin's Chrome can bring it back.
  if (!canRenew(ctx.credentials)) throw new VendorError('session_expired', BROWSER_SESSION_ENDED)
  const second = await send(ctx, path, init, true)
  if (second.kind === 'json') return second.body
  throw new VendorError('session_expired', SESSION_EXPIRED)
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
