/**
 * The read-only OData warehouse (`/odata/{EntitySet}`), serving the tenant's last nightly snapshot.
 * Projected rows are cached per snapshot: a snapshot never changes, and a large tenant has ~50,000 time
 * records to project.
 * @module
 */
import { Hono } from 'hono'
import { ODataError } from '../../shared/odata/odata-error'
import { SandboxError } from '../errors'
import type { TenantData } from '../tenant/types'
import { ENTITY_SETS, type DwRow } from '../odata/entity-sets'
import { runQuery } from '../odata/query'
import type { GuardEnv } from './guard'

const cache = new WeakMap<TenantData, Map<string, DwRow[]>>()

export function createODataApp() {
  const app = new Hono<GuardEnv>()
  app.get('/', (c) => c.json({ '@odata.context': '$metadata', value: Object.keys(ENTITY_SETS).map((name) => ({ name, kind: 'EntitySet', url: name })) }))
  app.get('/:set', (c) => {
    const set = c.req.param('set')
    const spec = ENTITY_SETS[set]
    if (!spec) throw new SandboxError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${c.req.url}'.`)
    const tenant = c.get('tenant')
    const view = tenant.warehouseView()
    const snapshot = tenant.config.warehouse === 'nightly'
    let sets = snapshot ? cache.get(view.data) : undefined
    if (!sets) {
      sets = new Map()
      if (snapshot) cache.set(view.data, sets)
    }
    let rows = sets.get(set)
    if (!rows) {
      rows = spec.rows(view.data)
      sets.set(set, rows)
    }
    try {
      return c.json(runQuery(set, spec, rows, new URL(c.req.url).searchParams, c.req.url))
    } catch (err) {
      if (err instanceof ODataError) throw new SandboxError(400, 'BadRequest', err.message)
      throw err
    }
  })
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/*', () => {
    throw new SandboxError(405, 'MethodNotAllowed', 'The data warehouse is read-only.')
  })
  return app
}
