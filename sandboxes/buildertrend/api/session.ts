/**
 * Guards every API call like Buildertrend's edge and app do (docs/vendors/buildertrend.md §16.3, §16.4):
 *
 * 1. A client that does not present what a Chrome tab presents gets `302 → /app/error` (BC-API: plain clients are
 *    "rejected with a 302 to /app/error"). Checked: a Chrome `user-agent`, `sec-ch-ua` (sent by Chrome on every
 *    secure-context request since Chrome 89) and `sec-fetch-mode` (every request since Chrome 76). Nothing else is
 *    required, so a real Chrome tab always passes.
 * 2. The session is the `.AspNet.Auth0` and `ASP.NET_SessionId` cookies; a bearer alone, no cookies, or cookies of no
 *    session get the same `302 → /app/error` (BC-PY reads it as "session invalid"). A bearer is neither needed nor
 *    checked: the browser sends none (BOS-TC).
 * 3. `portaltype: 1` (BOS-TC, BC-PY).
 * 4. An ended session shows itself the tenant's way: `needsToRelogin`, the 302, the login page as HTML (status 200),
 *    or the 302 clearing the cookie.
 * 5. When the control API stages it, a successful answer re-issues the `.AspNet.Auth0` ticket by `Set-Cookie` (ASP.NET
 *    sliding expiration; whether Buildertrend does so is open, docs/vendors/buildertrend.md §16.9.3).
 *
 * Also counts and logs the tenant's requests.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { AUTH_COOKIE, SESSION_COOKIE, type SandboxCore } from '../sandbox-core'
import { countApiRequest, type ExpiryMode, rotationDue, type Tenant } from '../tenant/tenant'
import { failure, LOGIN_PAGE_HTML } from './envelope'
import type { BtEnv } from './types'

/** What tells a Chrome tab's request from a plain HTTP client, and nothing a real Chrome could lack. */
export function looksLikeChrome(header: (name: string) => string | undefined) {
  return /\bChrome\/\d+/.test(header('user-agent') ?? '') && !!header('sec-ch-ua') && !!header('sec-fetch-mode')
}

const toError = (c: Context) => c.redirect('/app/error', 302)

function expiredAnswer(c: Context, mode: ExpiryMode, apix: boolean) {
  if (mode === 'redirect') return toError(c)
  if (mode === 'cleared') {
    c.header('set-cookie', `${AUTH_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/; secure; HttpOnly`)
    return toError(c)
  }
  if (mode === 'html') return c.html(LOGIN_PAGE_HTML, 200)
  // The newer /apix API has no envelope to carry `needsToRelogin`.
  return apix ? c.json({ message: 'Authorization has been denied for this request.' }, 401) : c.json(failure('Your session has expired.', true))
}

export function sessionGuard(core: SandboxCore): MiddlewareHandler<BtEnv> {
  return async (c, next) => {
    const apix = c.req.path.startsWith('/apix/')
    if (!looksLikeChrome((name) => c.req.header(name))) return toError(c)
    const auth = getCookie(c, AUTH_COOKIE)
    const tenant: Tenant | undefined = auth ? core.bySession(auth) : undefined
    const session = auth ? tenant?.sessions.get(auth) : undefined
    if (!tenant || !session || getCookie(c, SESSION_COOKIE) !== session.sessionId) return toError(c)
    if (c.req.header('portaltype') !== '1') return c.json(apix ? { message: 'Missing portaltype header.' } : failure('Missing portaltype header.'), 400)
    countApiRequest(tenant)
    const log = (status: number, ended?: ExpiryMode) =>
      tenant.log.add({ at: new Date(core.now()).toISOString(), method: c.req.method, path: c.req.path + new URL(c.req.url).search, status, ...(ended ? { ended } : {}) })
    if (session.ended) {
      const res = expiredAnswer(c, session.ended, apix)
      log(res.status, session.ended)
      return res
    }
    c.set('tenant', tenant)
    await next()
    // Sliding expiration: a successful answer may carry a fresh ticket for the same session.
    if (c.res.status === 200 && rotationDue(tenant)) {
      c.res.headers.append('set-cookie', `${AUTH_COOKIE}=${core.reissueTicket(tenant, auth!)}; path=/; HttpOnly; SameSite=Lax`)
    }
    log(c.res.status)
  }
}
