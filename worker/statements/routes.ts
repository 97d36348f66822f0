/**
 * `/api/v1/statements`: one statement per worker × pay period with its line items. Admins and managers see all of
 * the organisation's and mark them paid; crew leads and workers see only their own.
 * @module
 */
import { and, desc, eq, gte, lte, or, type SQL } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { PayStatementRequest, StatementListQuery } from '../../shared/api/statements'
import { requireRole } from '../auth/require-role'
import { createDb, type Db } from '../db/client'
import { statements, type StatementRow } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { json, params, query } from '../http/validate'
import { seesAll, viewerOf, workerKey, type Viewer } from '../propay/access'
import { orgTimeZone } from '../propay/load-propays'
import { todayIn } from '../propay/today'
import { nowIso } from '../util/clock'
import { payStatement } from './pay'
import { parseStatementNumber, toStatementViews } from './view'

const IdParam = z.object({ id: z.string().min(1).max(100) })

/** A statement of the caller's organisation by id or by its `ST-001` reference; crew leads and workers only their own. */
async function loadStatement(db: Db, viewer: Viewer, idOrNumber: string): Promise<StatementRow> {
  const number = parseStatementNumber(idOrNumber)
  const [row] = await db
    .select()
    .from(statements)
    .where(and(eq(statements.orgId, viewer.orgId), number === null ? eq(statements.id, idOrNumber) : eq(statements.number, number)))
  if (!row) throw new ApiError('not_found', 'No statement with this id in your organisation.')
  if (!seesAll(viewer) && !viewer.workerKeys.has(workerKey(row.connectionId, row.workerExternalId))) {
    throw new ApiError('forbidden', 'You can see only your own statements.')
  }
  return row
}

/** Crew leads and workers: only statements of the vendor workers they are. */
function ownOnly(viewer: Viewer): SQL | undefined {
  if (seesAll(viewer)) return undefined
  const pairs = [...viewer.workerKeys].map((key) => key.split('\u0000') as [string, string])
  if (pairs.length === 0) return eq(statements.id, '')
  return or(...pairs.map(([connectionId, workerId]) => and(eq(statements.connectionId, connectionId), eq(statements.workerExternalId, workerId))))
}

export const statementRoutes = new Hono<AppEnv>()
  .get('/', query(StatementListQuery), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const q = c.req.valid('query')
    const rows = await db
      .select()
      .from(statements)
      .where(
        and(
          eq(statements.orgId, viewer.orgId),
          ownOnly(viewer),
          q.workerId ? eq(statements.workerExternalId, q.workerId) : undefined,
          q.connectionId ? eq(statements.connectionId, q.connectionId) : undefined,
          q.status ? eq(statements.status, q.status) : undefined,
          q.period ? and(lte(statements.periodStart, q.period), gte(statements.periodEnd, q.period)) : undefined,
        ),
      )
      .orderBy(desc(statements.periodStart), desc(statements.number))
      .limit(q.limit ?? 100)
    return c.json({ statements: await toStatementViews(db, rows) }, 200)
  })
  .get('/:id', params(IdParam), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const [view] = await toStatementViews(db, [await loadStatement(db, viewer, c.req.valid('param').id)])
    return c.json(view!, 200)
  })
  .post('/:id/pay', requireRole('admin', 'manager'), params(IdParam), json(PayStatementRequest), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const row = await loadStatement(db, viewer, c.req.valid('param').id)
    const payDate = c.req.valid('json').payDate ?? todayIn(await orgTimeZone(db, viewer.orgId))
    await payStatement(db, row, payDate, viewer.userId, nowIso())
    const [view] = await toStatementViews(db, [(await loadStatement(db, viewer, row.id))])
    return c.json(view!, 200)
  })
