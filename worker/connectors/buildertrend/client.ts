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
import type { BrowserWorker } from '@cloudflare/puppeteer'
import { BROWSER_SESSION_ENDED, canRenew, session } from './auth'
import { renewedSession } from './session-renewal'
import { appUrlOf, type BuildertrendCredentials, type BuildertrendSettings, isBrowserSession } from './settings'
import { createTransport } from './transport/select-transport'
import type { BtTransport } from './transport/transport'
import type { BtEnvelope } from './types'

export type BtContext = SyncContext<BuildertrendCredentials, BuildertrendSettings>

export const SESSION_EXPIRED =
  'Buildertrend signed us in but ended the session straight away, which it does when it wants a person to sign in again. Sign in to Buildertrend in Chrome with this account once (finish any check it shows), then reconnect here.'
export { UNREACHABLE } from './transport/fetch-transport'

type Answer = { kind: 'expired' } | { kind: 'json'; status: number; body: unknown }

/** One transport per sync step and connection (the browser is launched once, not per call), closed when the step ends. */
const transports = new WeakMap<BtContext, BtTransport>()

function transportOf(ctx: BtContext): BtTransport {
  let transport = transports.get(ctx)
  if (!transport) {
    const forced = ctx.browser?.transport === 'browser' || ctx.browser?.transport === 'fetch' ? ctx.browser.transport : undefined
    // Without a place to close it (verify, tests without a step) a browser would leak: such calls stay on fetch.
    transport = createTransport(ctx.http, ctx.settings, ctx.defer ? (ctx.browser?.binding as BrowserWorker | undefined) : undefined, forced)
    transports.set(ctx, transport)
    const opened = transport
    ctx.defer?.(() => opened.close())
  }
  return transport
}

async function send(ctx: BtContext, path: string, init: { method: 'GET' | 'POST'; body?: unknown }, renew: boolean): Promise<Answer> {
  const base = appUrlOf(ctx.settings)
  const { jar, bearer } = await session(ctx.http, ctx.settings, ctx.credentials, renew)
  const res = await transportOf(ctx).send(base, jar, { method: init.method, path, body: init.body, bearer })
  if (res.redirected || res.status === 401) return { kind: 'expired' }
  const text = res.text
  if (/^\s*</.test(text)) return { kind: 'expired' }
  let body: unknown
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    throw new VendorError('bad_response', `Buildertrend answered ${path} with something that is not JSON.`, { status: res.status })
  }
  if ((body as { needsToRelogin?: unknown } | null)?.needsToRelogin === true) return { kind: 'expired' }
  if (res.status < 200 || res.status >= 300) throw new VendorError('bad_response', `Buildertrend answered ${res.status} to ${path}: ${text.slice(0, 200)}`, { status: res.status })
  // The session just proved live: if Buildertrend re-issued its cookies, the next step must start from those.
  if (isBrowserSession(ctx.credentials)) {
    const renewed = renewedSession(ctx.credentials, jar)
    if (renewed) ctx.renewCredentials?.(renewed)
  }
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
