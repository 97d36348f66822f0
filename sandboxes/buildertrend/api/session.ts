/**
 * Guards every API call like Buildertrend does: the `portaltype: 1` header, a live session bearer, and the
 * three ways an ended session shows itself (`needsToRelogin`, a 302 to `/app/error`, or the login page as
 * HTML with status 200). Also counts and logs the tenant's requests.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { SandboxCore } from '../sandbox-core'
import { countApiRequest, type ExpiryMode, type Tenant } from '../tenant/tenant'
import { failure, LOGIN_PAGE_HTML } from './envelope'
import type { BtEnv } from './types'

function expiredAnswer(c: Context, mode: ExpiryMode, apix: boolean) {
  if (mode === 'redirect') return c.redirect('/app/error', 302)
  if (mode === 'html') return c.html(LOGIN_PAGE_HTML, 200)
  // The newer /apix API has no envelope to carry `needsToRelogin`.
  return apix ? c.json({ message: 'Authorization has been denied for this request.' }, 401) : c.json(failure('Your session has expired.', true))
}

export function sessionGuard(core: SandboxCore): MiddlewareHandler<BtEnv> {
  return async (c, next) => {
    const apix = c.req.path.startsWith('/apix/')
    if (c.req.header('portaltype') !== '1') return c.json(apix ? { message: 'Missing portaltype header.' } : failure('Missing portaltype header.'), 400)
    const token = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    const tenant: Tenant | undefined = token ? core.bySession(token) : undefined
    if (!tenant) return expiredAnswer(c, 'relogin', apix)
    countApiRequest(tenant)
    const ended = tenant.sessions.get(token!)
    if (ended) {
      const res = expiredAnswer(c, ended, apix)
      tenant.log.add({ at: new Date(core.now()).toISOString(), method: c.req.method, path: c.req.path + new URL(c.req.url).search, status: res.status, ended })
      return res
    }
    c.set('tenant', tenant)
    await next()
    tenant.log.add({ at: new Date(core.now()).toISOString(), method: c.req.method, path: c.req.path + new URL(c.req.url).search, status: c.res.status })
  }
}
