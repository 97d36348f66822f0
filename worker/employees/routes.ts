/**
 * `GET /api/v1/employees`: the synced workers of the caller's organisation with the wage in force today (in the
 * organisation's time zone), for admins and managers. Keyset-paged by (name, id).
 * @module
 */
import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm'
import { Hono } from 'hono'
import { EmployeeListQuery, type EmployeeView } from '../../shared/api/employees'
import { requireRole } from '../auth/require-role'
import { loadOwnedConnection } from '../connections/load-owned'
import { createDb, type Db } from '../db/client'
import { connections, organizations, wages, workers } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { query } from '../http/validate'
import { utcToLocal } from '../util/zoned-time'
import { decodeCursor, encodeCursor } from './cursor'

const DEFAULT_PAGE = 200

/** The latest wage on or before `today` of each worker, keyed by connection and vendor id. */
async function currentWages(db: Db, orgId: string, today: string, page: Array<{ connectionId: string; externalId: string }>) {
  const found = new Map<string, EmployeeView['currentWage']>()
  const byConnection = new Map<string, typeof page>()
  for (const w of page) byConnection.set(w.connectionId, [...(byConnection.get(w.connectionId) ?? []), w])
  for (const [connectionId, rows] of byConnection) {
    // D1 binds at most 100 parameters per statement.
    for (let i = 0; i < rows.length; i += 90) {
      const ids = rows.slice(i, i + 90).map((r) => r.externalId)
      const rates = await db
        .select({ workerExternalId: wages.workerExternalId, effectiveDate: wages.effectiveDate, hourlyCents: wages.hourlyCents, burdenBasisPoints: wages.burdenBasisPoints })
        .from(wages)
        .where(and(eq(wages.orgId, orgId), eq(wages.connectionId, connectionId), isNull(wages.deletedAt), inArray(wages.workerExternalId, ids), lte(wages.effectiveDate, today)))
        .orderBy(asc(wages.effectiveDate))
      // Ascending: the last rate seen per worker is the one in force.
      for (const r of rates) found.set(`${connectionId}|${r.workerExternalId}`, { hourlyCents: r.hourlyCents, burdenBasisPoints: r.burdenBasisPoints ?? null, effectiveDate: r.effectiveDate })
    }
  }
  return found
}

export const employeeRoutes = new Hono<AppEnv>().get('/', requireRole('admin', 'manager'), query(EmployeeListQuery), async (c) => {
  const q = c.req.valid('query')
  const db = createDb(c.env.DB)
  const { orgId } = c.get('auth')
  if (q.connectionId) await loadOwnedConnection(db, orgId, q.connectionId)
  const after = q.cursor === undefined ? null : decodeCursor(q.cursor)
  if (q.cursor !== undefined && !after) throw new ApiError('bad_request', 'The query string is not valid: cursor: cursor must be the nextCursor of a previous page.', [{ path: 'cursor', message: 'cursor must be the nextCursor of a previous page' }])
  const limit = q.limit ?? DEFAULT_PAGE
  const rows = await db
    .select({ worker: workers, vendor: connections.vendor })
    .from(workers)
    .innerJoin(connections, and(eq(connections.id, workers.connectionId), eq(connections.orgId, orgId), isNull(connections.deletedAt)))
    .where(
      and(
        eq(workers.orgId, orgId),
        isNull(workers.deletedAt),
        q.connectionId ? eq(workers.connectionId, q.connectionId) : undefined,
        q.active === undefined ? undefined : q.active === 'true' ? eq(workers.active, true) : or(eq(workers.active, false), isNull(workers.active)),
        after ? or(gt(workers.name, after.name), and(eq(workers.name, after.name), gt(workers.id, after.id))) : undefined,
      ),
    )
    .orderBy(asc(workers.name), asc(workers.id))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId))
  const today = utcToLocal(new Date().toISOString(), org?.timeZone ?? 'UTC').slice(0, 10)
  const rates = await currentWages(db, orgId, today, page.map((r) => r.worker))
  const employees: EmployeeView[] = page.map(({ worker: w, vendor }) => ({
    id: w.id,
    connectionId: w.connectionId,
    vendor,
    externalId: w.externalId,
    name: w.name,
    email: w.email ?? null,
    employeeNumber: w.employeeNumber ?? null,
    branchExternalId: w.branchExternalId ?? null,
    active: w.active ?? null,
    terminatedDate: w.terminatedDate ?? null,
    currentWage: rates.get(`${w.connectionId}|${w.externalId}`) ?? null,
  }))
  const last = page.at(-1)?.worker
  return c.json({ employees, nextCursor: rows.length > limit && last ? encodeCursor({ name: last.name, id: last.id }) : null }, 200)
})
