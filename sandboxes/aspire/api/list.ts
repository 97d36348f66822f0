/** Collection GETs: OData options → rows, as a bare array or (tenant switch) a `value` envelope. */
import type { Context } from 'hono'
import { ENTITY_SETS, type EntitySet } from '../entities'
import { parseQueryOptions } from '../odata/query-options'
import { bindQuery, project, runQuery } from '../store/query'
import type { Tenant } from '../tenant/tenant'
import type { SandboxEnv } from './env'

export function listEntities(c: Context<SandboxEnv>, tenant: Tenant, set: EntitySet): Response {
  const meta = ENTITY_SETS[set]
  const raw = parseQueryOptions(new URL(c.req.url).search)
  const query = bindQuery(raw, meta.schema, meta.key, tenant.config)
  let rows = runQuery(tenant.data[set] as never, query) as Record<string, unknown>[]
  const truncate = tenant.faults.take('truncate', { method: c.req.method, path: c.req.path, page: query.page })
  if (truncate) {
    c.set('fault', 'truncate')
    rows = rows.slice(0, truncate.keep ?? Math.floor(rows.length / 2))
  }
  const body = project(rows, query.select)
  return c.json(tenant.config.listEnvelope === 'value' ? { value: body } : body)
}
