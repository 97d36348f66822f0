/**
 * The two unattended ways in (docs/vendors/buildertrend.md §2): the Auth0 password grant (`/oauth/token`, served on the
 * same host here; login.buildertrend.com in production) and the mobile-style `/api/Login/AjaxLogin`.
 * Outcomes for the right password are chosen per tenant; a wrong password always fails.
 * @module
 */
import { Hono } from 'hono'
import type { SandboxCore } from '../sandbox-core'
import type { Tenant } from '../tenant/tenant'
import { CHALLENGE_HTML, envelope, failure } from './envelope'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function readCredentials(req: Request): Promise<{ username: string; password: string }> {
  const type = req.headers.get('content-type') ?? ''
  if (type.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(await req.text())
    return { username: form.get('username') ?? '', password: form.get('password') ?? '' }
  }
  const body = (await req.json().catch(() => ({}))) as Record<string, unknown>
  return { username: String(body.username ?? ''), password: String(body.password ?? '') }
}

async function attempt(core: SandboxCore, req: Request): Promise<{ tenant: Tenant | undefined; rightPassword: boolean }> {
  const { username, password } = await readCredentials(req)
  const tenant = core.byUsername(username)
  if (tenant?.loginDelayMs) await sleep(tenant.loginDelayMs)
  return { tenant, rightPassword: !!tenant && tenant.password === password && tenant.loginOutcome !== 'wrong_password' }
}

export function loginRoutes(core: SandboxCore) {
  return new Hono()
    .post('/oauth/token', async (c) => {
      const { tenant, rightPassword } = await attempt(core, c.req.raw)
      const outcome = tenant?.loginOutcome
      // Auth0 checks bot protection and blocks before the password.
      if (outcome === 'captcha') return c.json({ error: 'access_denied', error_description: 'Suspicious request requires verification' }, 401)
      if (outcome === 'challenge_html') return c.html(CHALLENGE_HTML, 200)
      if (outcome === 'legacy') return c.json({ error: 'unauthorized_client', error_description: "Grant type 'password' not allowed for the client." }, 403)
      if (outcome === 'locked') return c.json({ error: 'unauthorized', error_description: 'user is blocked' }, 401)
      if (!tenant || !rightPassword) return c.json({ error: 'invalid_grant', error_description: 'Wrong email or password.' }, 403)
      if (outcome === 'mfa') return c.json({ error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token: 'mfa-sandbox' }, 403)
      return c.json({ access_token: core.openSession(tenant), token_type: 'Bearer', expires_in: 86_400, scope: 'openid profile email' })
    })
    .post('/api/Login/AjaxLogin', async (c) => {
      const { tenant, rightPassword } = await attempt(core, c.req.raw)
      const outcome = tenant?.loginOutcome
      if (outcome === 'captcha' || outcome === 'challenge_html' || outcome === 'mfa') return c.html(CHALLENGE_HTML, 200)
      if (outcome === 'locked') return c.json(failure('Your account has been locked. Please contact your administrator or reset your password.'))
      // Accounts migrated to Auth0 are refused here even with the right password.
      if (!tenant || !rightPassword || outcome === 'migrated') return c.json(failure('Invalid username or password.'))
      return c.json(envelope({ Token: core.openSession(tenant), mobileCookies: [{ name: 'ASP.NET_SessionId', value: crypto.randomUUID() }] }))
    })
}
