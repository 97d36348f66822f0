/**
 * The credential path (docs/vendors/exaktime.md §2.1, protocol *unverified*): a login against the company's own host,
 * `{company}.exaktime.com`. One sandbox server cannot own every subdomain, so the Company ID travels in the
 * path instead: `POST /connect/{companyId}/login` with `{ username, password }`. Answers: 200 with a
 * session token (then `Authorization: Bearer` reads `/v1` and `/odata`), 400 for a Company ID with
 * spaces, 404 for a company that does not exist (no such subdomain), 401 for wrong credentials, 423 for a
 * locked account (locked by the company, or after too many failures).
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { SandboxError } from '../errors'
import type { SandboxCore } from '../sandbox-core'
import { randomToken } from '../tenant/tenant'

const Login = z.object({ username: z.string(), password: z.string() })
export const SESSION_SECONDS = 3600

export function createLoginApp(core: SandboxCore) {
  const app = new Hono()
  app.post('/:companyId/login', async (c) => {
    const companyId = decodeURIComponent(c.req.param('companyId'))
    if (/\s/.test(companyId)) throw new SandboxError(400, 'InvalidCompanyId', 'Company IDs have no spaces. Use the part before .exaktime.com in your ExakTime Connect address.')
    const tenant = core.tenants.get(companyId.toLowerCase())
    if (!tenant) throw new SandboxError(404, 'CompanyNotFound', `${companyId}.exaktime.com does not exist.`)
    const parsed = Login.safeParse(await c.req.json().catch(() => null))
    if (!parsed.success) throw new SandboxError(400, 'BadRequest', 'Send { "username", "password" }.')
    const user = tenant.users.find((u) => u.username.toLowerCase() === parsed.data.username.trim().toLowerCase())
    const path = new URL(c.req.url).pathname
    if (user?.locked) {
      tenant.record('POST', path, 423)
      throw new SandboxError(423, 'AccountLocked', 'This account is locked. An ExakTime administrator must unlock it.')
    }
    if (!user || user.password !== parsed.data.password) {
      if (user && ++user.failedLogins >= tenant.config.maxLoginFailures) user.locked = true
      tenant.record('POST', path, 401)
      throw new SandboxError(401, 'InvalidCredentials', 'The username or password is incorrect.')
    }
    user.failedLogins = 0
    const token = randomToken(24)
    tenant.sessions.set(token, { username: user.username, expiresAt: tenant.now() + SESSION_SECONDS * 1000 })
    tenant.record('POST', path, 200)
    return c.json({ token, token_type: 'Bearer', expires_in: SESSION_SECONDS })
  })
  return app
}
