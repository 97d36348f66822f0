/**
 * Posting approved line items onto statements: one statement per worker × pay period, created on first use with
 * the organisation's next `ST-` number. A statement that is no longer open is never edited; its items go to the
 * worker's next open period instead (docs/domain/propay.md §11, §13).
 * @module
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { lineItems, statements } from '../db/schema'
import { assignStatement, payPeriodContaining, type BonusLineItem, type PayPeriod, type PayPeriodConfig, type PostingPeriod } from '../propay/domain'
import { addDays } from '../propay/domain/iso-date'
import { inJson } from '../propay/load-job-data'
import { refreshTotalsWhere } from './totals'

export interface Posting {
  item: BonusLineItem
  period: PayPeriod
}

/** A worker has at most one statement per period; this many closed periods in a row is a configuration error. */
const MAX_SKIPPED_PERIODS = 120

/** Picks each item's pay period, skipping periods whose statement is already paid or voided. */
export async function planPostings(
  db: Db,
  scope: { orgId: string; connectionId: string },
  items: readonly BonusLineItem[],
  payPeriod: PayPeriodConfig,
  posting: PostingPeriod,
): Promise<Posting[]> {
  if (items.length === 0) return []
  const workerIds = [...new Set(items.map((i) => i.workerId))]
  const existing = await db
    .select({ workerId: statements.workerExternalId, periodStart: statements.periodStart, status: statements.status })
    .from(statements)
    .where(and(eq(statements.orgId, scope.orgId), eq(statements.connectionId, scope.connectionId), inJson(statements.workerExternalId, workerIds)))
  const closed = new Set(existing.filter((s) => s.status !== 'open').map((s) => `${s.workerId}\u0000${s.periodStart}`))
  return items.map((item) => {
    let { period } = assignStatement(item, payPeriod, posting)
    for (let skipped = 0; closed.has(`${item.workerId}\u0000${period.start}`); skipped++) {
      if (skipped >= MAX_SKIPPED_PERIODS) throw new Error(`no open pay period found for worker ${item.workerId}`)
      period = payPeriodContaining(payPeriod, addDays(period.end, 1))
    }
    return { item, period }
  })
}

/**
 * The statements that store the postings, for one atomic batch: create each missing statement (numbered inside
 * the statement, so concurrent batches cannot take the same number), insert the items on their open statement
 * (an item whose statement closed meanwhile fails the batch), then refresh the totals.
 */
export function postingStatements(db: Db, scope: { orgId: string; connectionId: string; propayId: string }, postings: readonly Posting[], now: string) {
  const periods = new Map(postings.map((p) => [`${p.item.workerId}\u0000${p.period.start}`, p]))
  const createStatements = [...periods.values()].map(({ item, period }) => createStatementSql(scope, item.workerId, period, now))
  const insertItems = postings.map(({ item, period }) =>
    db.insert(lineItems).values({
      id: crypto.randomUUID(),
      orgId: scope.orgId,
      propayId: item.proPayId,
      statementId: sql`(SELECT id FROM statements WHERE org_id = ${scope.orgId} AND connection_id = ${scope.connectionId} AND worker_external_id = ${item.workerId} AND period_start = ${period.start} AND status = 'open')`,
      idempotencyKey: item.idempotencyKey,
      connectionId: scope.connectionId,
      workerExternalId: item.workerId,
      role: item.role,
      kind: item.kind,
      amountCents: item.amountCents,
      approvalRound: item.approvalRound,
      approvalDate: item.approvalDate,
      status: item.status,
      holdReason: item.holdReason,
      heldUntil: item.heldUntil,
      paidOn: item.paidOn,
      createdAt: now,
      updatedAt: now,
    }),
  )
  return [...createStatements, ...insertItems, refreshTotals(scope.propayId, now)]
}

/**
 * Creates the worker's open statement for a period unless one exists, numbered inside the statement so concurrent
 * batches cannot take the same number; `carriedInCents` is netted money rolled over from a paid statement.
 */
export const createStatementSql = (scope: { orgId: string; connectionId: string }, workerId: string, period: PayPeriod, now: string, carriedInCents = 0) =>
  sql`INSERT INTO statements (id, org_id, number, connection_id, worker_external_id, period_start, period_end, status, total_cents, carried_in_cents, created_at, updated_at)
    SELECT ${crypto.randomUUID()}, ${scope.orgId}, COALESCE(MAX(number), 0) + 1, ${scope.connectionId}, ${workerId}, ${period.start}, ${period.end}, 'open', 0, ${carriedInCents}, ${now}, ${now}
    FROM statements WHERE org_id = ${scope.orgId}
    ON CONFLICT (org_id, connection_id, worker_external_id, period_start) DO NOTHING`

/** Recomputes the net totals of every open statement holding one of the ProPay's items (voided items count for nothing). */
export const refreshTotals = (propayId: string, now: string) =>
  refreshTotalsWhere(sql`statements.id IN (SELECT statement_id FROM line_items WHERE propay_id = ${propayId})`, now)
