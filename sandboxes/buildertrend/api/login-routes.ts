/**
 * The two unattended ways in, as public code uses them (docs/vendors/buildertrend.md §16.2): the Auth0 password grant
 * (`/oauth/token`, served on the same host here; login.buildertrend.com in production) and the mobile-style
 * `/api/Login/AjaxLogin`. Both open a cookie session (`Set-Cookie: .AspNet.Auth0`, `ASP.NET_SessionId`) and hand out a
 * bearer beside it. Outcomes for the right password are chosen per tenant; a wrong password always fails.
 * @module
 */
import type { Context } from 'hono'
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { AUTH_COOKIE, type BtSessionCookies, SESSION_COOKIE, type SandboxCore } from '../sandbox-core'
import type { Tenant } from '../tenant/tenant'
import { CHALLENGE_HTML, envelope, failure } from './envelope'

/** The web app's public Auth0 client (RO-PULL); any other client is unknown to the tenant. */
export const AUTH0_CLIENT_ID = 'rM9vUB980Q7Tfy1eSi9fc5FDBpNM0jt3'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sign-in attempts go into the tenant's request log too, so tests can prove a session was used without one. */
const attempted = new WeakMap<Request, Tenant>()

async function attempt(c: Context, core: SandboxCore, username: string, password: string): Promise<{ tenant: Tenant | undefined; rightPassword: boolean }> {
  const tenant = core.byUsername(username)
  if (tenant) attempted.set(c.req.raw, tenant)
  if (tenant?.loginDelayMs) await sleep(tenant.loginDelayMs)
  return { tenant, rightPassword: !!tenant && tenant.password === password && tenant.loginOutcome !== 'wrong_password' }
}

/** Cookies as ASP.NET sets them; `secure` is left off so a client on plain-HTTP localhost keeps them. */
function setSessionCookies(c: Context, session: BtSessionCookies) {
  setCookie(c, AUTH_COOKIE, session.auth, { path: '/', httpOnly: true, sameSite: 'None' })
  setCookie(c, SESSION_COOKIE, session.sessionId, { path: '/', httpOnly: true, sameSite: 'Lax' })
}

const captcha = (tenant: Tenant | undefined) => tenant?.captchaOnLogin === true || tenant?.loginOutcome === 'captcha'

export function loginRoutes(core: SandboxCore) {
  return new Hono()
    .use(async (c, next) => {
      await next()
      const tenant = attempted.get(c.req.raw)
      if (tenant) tenant.log.add({ at: new Date(core.now()).toISOString(), method: c.req.method, path: c.req.path, status: c.res.status })
    })
    .post('/oauth/token', async (c) => {
      // Public code sends the grant form-encoded (RO-PULL); a JSON body is refused here (*assumed*).
      if (!(c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
        return c.json({ error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded.' }, 400)
      }
      const form = new URLSearchParams(await c.req.text())
      if (form.get('grant_type') !== 'password') return c.json({ error: 'unsupported_grant_type', error_description: 'Unsupported grant type' }, 400)
      // Auth0 answers an unknown client this way (*assumed*).
      if (form.get('client_id') !== AUTH0_CLIENT_ID) return c.json({ error: 'access_denied', error_description: 'Unauthorized' }, 401)
      const { tenant, rightPassword } = await attempt(c, core, form.get('username') ?? '', form.get('password') ?? '')
      const outcome = tenant?.loginOutcome
      // Auth0 checks bot protection and blocks before the password.
      if (captcha(tenant)) return c.json({ error: 'access_denied', error_description: 'Suspicious request requires verification' }, 401)
      if (outcome === 'challenge_html') return c.html(CHALLENGE_HTML, 200)
      if (outcome === 'legacy') return c.json({ error: 'unauthorized_client', error_description: "Grant type 'password' not allowed for the client." }, 403)
      if (outcome === 'locked') return c.json({ error: 'unauthorized', error_description: 'user is blocked' }, 401)
      if (!tenant || !rightPassword) return c.json({ error: 'invalid_grant', error_description: 'Wrong email or password.' }, 403)
      if (outcome === 'mfa') return c.json({ error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token: 'mfa-sandbox' }, 403)
      const session = core.openSession(tenant)
      setSessionCookies(c, session)
      return c.json({ access_token: session.bearer, token_type: 'Bearer', expires_in: 86_400, scope: 'openid profile email' })
    })
    .post('/api/Login/AjaxLogin', async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>
      const { tenant, rightPassword } = await attempt(c, core, String(body.username ?? ''), String(body.password ?? ''))
      const outcome = tenant?.loginOutcome
      if (captcha(tenant) || outcome === 'challenge_html' || outcome === 'mfa') return c.html(CHALLENGE_HTML, 200)
      if (outcome === 'locked') return c.json(failure('Your account has been locked. Please contact your administrator or reset your password.'))
      // Accounts migrated to Auth0 are refused here even with the right password.
      if (!tenant || !rightPassword || outcome === 'migrated') return c.json(failure('Invalid username or password.'))
      const session = core.openSession(tenant)
      // Which cookies come by `Set-Cookie` and which only in `mobileCookies` is *assumed*: the ticket comes only in
      // `mobileCookies`, so a client that drops them (RO-PULL keeps them) has no session.
      setCookie(c, SESSION_COOKIE, session.sessionId, { path: '/', httpOnly: true, sameSite: 'Lax' })
      return c.json(
        envelope({
          loginSuccess: true,
          Token: session.bearer,
          mobileCookies: [
            { name: AUTH_COOKIE, value: session.auth },
            { name: SESSION_COOKIE, value: session.sessionId },
          ],
        }),
      )
    })
}
