/**
 * The control API under `/__control` (tests and local development only): tenants with their login
 * outcome, size, seed and time zone; silent record changes; faults; session expiry; the request log.
 * @module
 */
import { Hono } from 'hono'
import type { z } from 'zod'
import { AUTH_COOKIE, SESSION_COOKIE, type SandboxCore } from '../sandbox-core'
import { expireAllSessions, expireSupersededSessions, noFaults, type Tenant, tenantSummary } from '../tenant/tenant'
import { recordRoutes } from './records'
import { captchaSchema, createTenantSchema, expireSchema, expireSupersededSchema, faultsSchema, patchTenantSchema, rotateSchema } from './schemas'

class NotFound extends Error {}

async function parse<T>(req: { json(): Promise<unknown> }, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(await req.json().catch(() => ({})))
}

export function createControlApp(core: SandboxCore) {
  const find = (id: string): Tenant => {
    const tenant = core.tenants.get(id)
    if (!tenant) throw new NotFound(`No tenant '${id}'.`)
    return tenant
  }
  const app = new Hono()
    .get('/', (c) => c.json({ tenants: [...core.tenants.values()].map(tenantSummary) }))
    .post('/tenants', async (c) => c.json(tenantSummary(core.createTenant(await parse(c.req, createTenantSchema))), 201))
    .get('/tenants/:id', (c) => c.json(tenantSummary(find(c.req.param('id')))))
    .patch('/tenants/:id', async (c) => {
      const tenant = find(c.req.param('id'))
      Object.assign(tenant, await parse(c.req, patchTenantSchema))
      return c.json(tenantSummary(tenant))
    })
    .delete('/tenants/:id', (c) => (core.deleteTenant(c.req.param('id')) ? c.body(null, 204) : c.json({ message: 'no such tenant' }, 404)))
    .put('/tenants/:id/faults', async (c) => {
      const tenant = find(c.req.param('id'))
      Object.assign(tenant.faults, await parse(c.req, faultsSchema))
      return c.json(tenant.faults)
    })
    .delete('/tenants/:id/faults', (c) => {
      find(c.req.param('id')).faults = noFaults()
      return c.body(null, 204)
    })
    .post('/tenants/:id/expire-sessions', async (c) => {
      const tenant = find(c.req.param('id'))
      const { mode, afterRequests } = await parse(c.req, expireSchema)
      if (afterRequests === 0) expireAllSessions(tenant, mode)
      else tenant.faults.expireSessions = { mode, afterRequests }
      return c.json(tenant.faults)
    })
    .post('/tenants/:id/rotate-sessions', async (c) => {
      const tenant = find(c.req.param('id'))
      tenant.faults.rotateSessions = await parse(c.req, rotateSchema)
      return c.json(tenant.faults)
    })
    .post('/tenants/:id/expire-superseded', async (c) => {
      const tenant = find(c.req.param('id'))
      return c.json({ ended: expireSupersededSessions(tenant, (await parse(c.req, expireSupersededSchema)).mode) })
    })
    .put('/tenants/:id/captcha', async (c) => {
      const tenant = find(c.req.param('id'))
      tenant.captchaOnLogin = (await parse(c.req, captchaSchema)).on
      return c.json({ captchaOnLogin: tenant.captchaOnLogin })
    })
    // What a person's Chrome holds after signing in at the web login page (#14): the cookies of a new session, which
    // only a person can obtain in production. `GAESA` (session affinity, BC-API) rides along and is not checked.
    .post('/tenants/:id/browser-sessions', (c) => {
      const session = core.openSession(find(c.req.param('id')))
      const cookie = (name: string, value: string) => ({ name, value, domain: 'buildertrend.net', path: '/', httpOnly: true, secure: true })
      return c.json({ cookies: [cookie(AUTH_COOKIE, session.auth), cookie(SESSION_COOKIE, session.sessionId), cookie('GAESA', `CpUB${crypto.randomUUID().replace(/-/g, '')}`)] }, 201)
    })
    // The session cookies and bearers handed out, so tests can prove they are never stored or shown.
    .get('/tenants/:id/sessions', (c) => c.json({ sessions: [...find(c.req.param('id')).sessions.values()] }))
    .get('/tenants/:id/requests', (c) => c.json({ total: find(c.req.param('id')).apiRequests, requests: find(c.req.param('id')).log.since() }))
    .route('/tenants', recordRoutes(find))
  app.onError((err, c) => {
    if (err instanceof NotFound) return c.json({ message: err.message }, 404)
    if (err.name === 'ZodError') return c.json({ message: 'invalid control request', issues: JSON.parse(err.message) as unknown }, 400)
    throw err
  })
  return app
}
