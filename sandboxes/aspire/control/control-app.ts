/**
 * The control API under `/__control` (tests and local development only; no Aspire auth). It creates and
 * resets tenants and stages scenarios; see README.md for the full list.
 * @module
 */
import { Hono } from 'hono'
import { ApiError } from '../api-error'
import { onError } from '../api/on-error'
import type { SandboxCore } from '../sandbox-core'
import { parseBody } from './parse-body'
import { recordRoutes } from './records'
import { requireTenant } from './require-tenant'
import { scenarioRoutes } from './scenario-routes'
import { configSchema, createTenantSchema } from './schemas'
import { tenantSummary } from './tenant-summary'

export function createControlApp(core: SandboxCore) {
  const app = new Hono()
    .get('/', (c) => c.json({ tenants: [...core.tenants.values()].map(tenantSummary) }))
    .post('/tenants', async (c) => {
      const body = await parseBody(c, createTenantSchema)
      const tenant = core.createTenant(body)
      return c.json({ ...tenantSummary(tenant), apiBaseUrl: new URL(c.req.url).origin }, 201)
    })
    .get('/tenants/:clientId', (c) => c.json(tenantSummary(requireTenant(core, c))))
    .patch('/tenants/:clientId', async (c) => {
      const tenant = requireTenant(core, c)
      tenant.setConfig(await parseBody(c, configSchema))
      return c.json(tenantSummary(tenant))
    })
    .delete('/tenants/:clientId', (c) => {
      if (!core.deleteTenant(c.req.param('clientId'))) throw new ApiError(404, `No tenant with ClientId '${c.req.param('clientId')}'.`)
      return c.body(null, 204)
    })
    .post('/tenants/:clientId/reset', (c) => {
      const tenant = requireTenant(core, c)
      tenant.reset()
      return c.json(tenantSummary(tenant))
    })
    .get('/tenants/:clientId/counts', (c) => c.json(requireTenant(core, c).counts()))
    .route('/tenants/:clientId/records', recordRoutes(core))
    .route('/tenants/:clientId', scenarioRoutes(core))
  app.onError(onError)
  app.notFound((c) => c.json({ message: `No control route ${c.req.method} ${c.req.path}.` }, 404))
  return app
}
