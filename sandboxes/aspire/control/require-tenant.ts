import type { Context } from 'hono'
import { ApiError } from '../api-error'
import type { SandboxCore } from '../sandbox-core'
import type { Tenant } from '../tenant/tenant'

/** The tenant named by the `:clientId` path parameter, or 404. */
export function requireTenant(core: SandboxCore, c: Context): Tenant {
  const clientId = c.req.param('clientId') ?? ''
  const tenant = core.tenants.get(clientId)
  if (!tenant) throw new ApiError(404, `No tenant with ClientId '${clientId}'.`)
  return tenant
}
