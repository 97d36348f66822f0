/**
 * `/api/v1/statements`: one statement per worker × pay period with its line items. Admins and managers see all of
 * the organisation's and mark them paid; crew leads and workers see only their own.
 * @module
 */
import { and, desc, eq, gte, lte, or, type SQL } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { CreateStatementAdjustmentRequest, PayStatementRequest, PayrollExportQuery, StatementListQuery } from '../../shared/api/statements'
import { requireRole } from '../auth/require-role'
import { createDb } from '../db/client'
import { statements } from '../db/schema'
import type { AppEnv } from '../env'
import { json, params, query } from '../http/validate'
import { seesAll, viewerOf, type Viewer } from '../propay/access'
import { orgTimeZone } from '../propay/load-propays'
import { loadBonusSettings } from '../propay/settings'
import { todayIn } from '../propay/today'
import { nowIso } from '../util/clock'
import { payStatement } from './pay'
import { addAdjustment } from './adjustments'
import { payrollCsvStream } from './export-csv'
import { loadStatement } from './load'
import { toStatementViews } from './view'

const IdParam = z.object({ id: z.string().min(1).max(100) })

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
  // Before `/:id`, which would otherwise take `export.csv` for a statement id.
  .get('/export.csv', requireRole('admin'), query(PayrollExportQuery), async (c) => {
    const auth = c.get('auth')
    const q = c.req.valid('query')
    const db = createDb(c.env.DB)
    return new Response(payrollCsvStream(db, { orgId: auth.orgId, period: q.period, connectionId: q.connectionId }), {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="bonuses-for-payroll-${q.period}.csv"`,
        'cache-control': 'no-store',
      },
    })
  })
  .get('/:id', params(IdParam), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const [view] = await toStatementViews(db, [await loadStatement(db, viewer, c.req.valid('param').id)])
    return c.json(view!, 200)
  })
  .post('/:id/adjustments', requireRole('admin', 'manager'), params(IdParam), json(CreateStatementAdjustmentRequest), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const row = await loadStatement(db, viewer, c.req.valid('param').id)
    await addAdjustment(db, row, c.req.valid('json'), viewer.userId, nowIso())
    const [view] = await toStatementViews(db, [await loadStatement(db, viewer, row.id)])
    return c.json(view!, 201)
  })
  .post('/:id/pay', requireRole('admin', 'manager'), params(IdParam), json(PayStatementRequest), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const row = await loadStatement(db, viewer, c.req.valid('param').id)
    const payDate = c.req.valid('json').payDate ?? todayIn(await orgTimeZone(db, viewer.orgId))
    await payStatement(db, row, payDate, viewer.userId, nowIso(), (await loadBonusSettings(db, viewer.orgId)).settings)
    const [view] = await toStatementViews(db, [(await loadStatement(db, viewer, row.id))])
    return c.json(view!, 200)
  })
