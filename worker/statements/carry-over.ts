/**
 * Roll-over of netted money (docs/domain/propay.md §13, **Open**, a company setting here): when a statement is paid
 * and its overage shares and carried-in money exceed its bonuses, the part it could not absorb moves to the worker's
 * next statement: the earliest later open one, or a new one for the first later period without a statement.
 * @module
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { lineItems, statementAdjustments, statements, type StatementRow } from '../db/schema'
import { netStatement, payPeriodContaining, type NettingPolicy, type PayPeriodConfig } from '../propay/domain'
import { addDays } from '../propay/domain/iso-date'
import type { BatchItem } from '../propay/d1-batch'
import { createStatementSql } from './post'
import { refreshStatementTotal } from './totals'

/** This many later periods all closed means the configuration is broken; the carry is then dropped, not looped on. */
const MAX_PERIODS = 120

/** What the statement could not absorb and rolls over under the policy, from its items and adjustments. */
export async function carryOutOf(db: Db, statement: StatementRow, netting: NettingPolicy): Promise<number> {
  const [items, adjustments] = await Promise.all([
    db.select().from(lineItems).where(eq(lineItems.statementId, statement.id)),
    db.select().from(statementAdjustments).where(eq(statementAdjustments.statementId, statement.id)),
  ])
  const live = items.filter((i) => i.status !== 'voided')
  return netStatement({
    positivesCents: [...live.filter((i) => i.amountCents > 0).map((i) => i.amountCents), ...adjustments.filter((a) => a.kind === 'bonus').map((a) => a.amountCents)],
    deductionsCents: adjustments.filter((a) => a.kind === 'deduction').map((a) => a.amountCents),
    overagesCents: live.filter((i) => i.amountCents < 0).map((i) => -i.amountCents),
    carriedInCents: statement.carriedInCents,
    // Overage items exist only because netting was on at approval, so they always count here.
    netting: { enabled: true, rollOver: netting.rollOver },
  }).carryOutCents
}

/** The batch statements that put `cents` on the worker's next statement. */
export async function carryForward(db: Db, statement: StatementRow, cents: number, payPeriod: PayPeriodConfig, now: string): Promise<BatchItem[]> {
  if (cents <= 0) return []
  const later = await db
    .select()
    .from(statements)
    .where(
      and(
        eq(statements.orgId, statement.orgId),
        eq(statements.connectionId, statement.connectionId),
        eq(statements.workerExternalId, statement.workerExternalId),
        gt(statements.periodStart, statement.periodStart),
      ),
    )
    .orderBy(asc(statements.periodStart))
  const open = later.find((s) => s.status === 'open')
  if (open) {
    return [
      sql`UPDATE statements SET carried_in_cents = carried_in_cents + ${cents} WHERE id = ${open.id} AND status = 'open'`,
      refreshStatementTotal(open.id, now),
    ]
  }
  const taken = new Set(later.map((s) => s.periodStart))
  let period = payPeriodContaining(payPeriod, addDays(statement.periodEnd, 1))
  for (let n = 0; taken.has(period.start); n++) {
    if (n >= MAX_PERIODS) return []
    period = payPeriodContaining(payPeriod, addDays(period.end, 1))
  }
  // A new statement holds nothing but the carry, so its net total is 0, the column's default.
  return [createStatementSql(statement, statement.workerExternalId, period, now, cents)]
}
