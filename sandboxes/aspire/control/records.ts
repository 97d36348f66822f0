/**
 * Direct record access "as if someone changed it in Aspire": read with OData options (no auth, no paging
 * limit), add, patch (bumping the entity's modified stamp like any edit) and delete without a trace.
 * These are raw writes: unlike the API's POSTs they compute no derived values.
 * @module
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { ApiError } from '../api-error'
import { ENTITY_SETS, isEntitySet, type AnyRow, type EntitySet } from '../entities'
import { parseQueryOptions } from '../odata/query-options'
import type { SandboxCore } from '../sandbox-core'
import { bindQuery, fieldMap, project, runQuery } from '../store/query'
import type { Table } from '../store/table'
import { makeRow } from '../tenant/tenant-data'
import type { Tenant } from '../tenant/tenant'
import { OFFICE_USER } from '../tenant/users'
import { requireTenant } from './require-tenant'
import { parseBody } from './parse-body'
import { recordValuesSchema } from './schemas'

function entity(name: string): EntitySet {
  if (!isEntitySet(name)) throw new ApiError(404, `Unknown entity set '${name}'. Known: ${Object.keys(ENTITY_SETS).join(', ')}.`)
  return name
}

function checkFields(set: EntitySet, values: AnyRow): void {
  const fields = fieldMap(ENTITY_SETS[set].schema)
  const unknown = Object.keys(values).filter((name) => !fields.has(name))
  if (unknown.length > 0) throw new ApiError(400, `Unknown field(s) on ${set}: ${unknown.join(', ')}.`)
}

const table = (tenant: Tenant, set: EntitySet) => tenant.data[set] as unknown as Table<AnyRow>

function recordId(c: Context): number {
  const id = Number(c.req.param('id'))
  if (!Number.isSafeInteger(id)) throw new ApiError(400, `Invalid id '${c.req.param('id')}'.`)
  return id
}

export const recordRoutes = (core: SandboxCore) =>
  new Hono()
    .get('/:entity', (c) => {
      const tenant = requireTenant(core, c)
      const set = entity(c.req.param('entity'))
      const meta = ENTITY_SETS[set]
      const query = bindQuery(parseQueryOptions(new URL(c.req.url).search), meta.schema, meta.key, {
        defaultPageSize: Number.MAX_SAFE_INTEGER,
        maxPageSize: Number.MAX_SAFE_INTEGER,
      })
      return c.json(project(runQuery(table(tenant, set), query), query.select))
    })
    .post('/:entity', async (c) => {
      const tenant = requireTenant(core, c)
      const set = entity(c.req.param('entity'))
      const body = await parseBody(c, z.union([recordValuesSchema, z.array(recordValuesSchema)]))
      const rows = (Array.isArray(body) ? body : [body]).map((values) => {
        checkFields(set, values)
        const row = makeRow(set, values as never) as AnyRow
        const meta = ENTITY_SETS[set]
        const inserted = table(tenant, set).insert(row)
        if (meta.modified && values[meta.modified] === undefined) tenant.touch(set, inserted as never, OFFICE_USER)
        return inserted
      })
      return c.json(rows, 201)
    })
    .patch('/:entity/:id', async (c) => {
      const tenant = requireTenant(core, c)
      const set = entity(c.req.param('entity'))
      const id = recordId(c)
      const patch = await parseBody(c, recordValuesSchema)
      checkFields(set, patch)
      const meta = ENTITY_SETS[set]
      if (patch[meta.key] !== undefined && patch[meta.key] !== id) throw new ApiError(400, `The key ${meta.key} cannot be changed.`)
      const row = table(tenant, set).update(id, patch)
      if (!row) throw new ApiError(404, `${set} ${id} was not found.`)
      // An explicit modified stamp in the patch wins; otherwise the edit bumps it like Aspire would.
      if (c.req.query('touch') !== 'false' && (!meta.modified || patch[meta.modified] === undefined)) tenant.touch(set, row as never, OFFICE_USER)
      return c.json(row)
    })
    .delete('/:entity/:id', (c) => {
      const tenant = requireTenant(core, c)
      const set = entity(c.req.param('entity'))
      const id = recordId(c)
      if (!table(tenant, set).delete(id)) throw new ApiError(404, `${set} ${id} was not found.`)
      return c.body(null, 204)
    })
