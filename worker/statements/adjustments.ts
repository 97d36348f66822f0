/**
 * Adding an extra bonus or a deduction to a statement (docs/domain/propay.md §13): the domain's `checkAdjustment`
 * decides, this module stores it and the statement's new net total atomically. The insert re-checks in SQL that the
 * statement is still open and, for a deduction, still covers it, so a concurrent payment or deduction cannot slip
 * past the check.
 * @module
 */
import { and, eq, ne, sql } from 'drizzle-orm'
import type { CreateStatementAdjustmentRequest } from '../../shared/api/statements'
import type { Db } from '../db/client'
import { lineItems, organizations, type StatementRow } from '../db/schema'
import { ApiError } from '../http/api-error'
import { checkAdjustment } from '../propay/domain'
import { moneyFormatter } from '../propay/domain/format-cents'
import { runBatch } from '../propay/d1-batch'
import { refreshStatementTotal } from './totals'
import { statementNumber } from './view'

export async function addAdjustment(
  db: Db,
  statement: StatementRow,
  request: Required<CreateStatementAdjustmentRequest>,
  userId: string,
  now: string,
): Promise<string> {
  const label = statementNumber(statement.number)
  const [[count], [org]] = await db.batch([
    db
      .select({ n: sql<number>`count(*)` })
      .from(lineItems)
      .where(and(eq(lineItems.statementId, statement.id), ne(lineItems.status, 'voided'))),
    db.select({ locale: organizations.locale, currency: organizations.currency }).from(organizations).where(eq(organizations.id, statement.orgId)),
  ])
  // The refusal names amounts in the organisation's currency, as the review screen shows them.
  const checked = checkAdjustment({ status: statement.status, proPayItemCount: count?.n ?? 0, netCents: statement.totalCents }, request, moneyFormatter(org))
  if (!checked.ok) {
    const status = checked.error.code === 'invalid_amount' || checked.error.code === 'purpose_required' ? 'bad_request' : 'conflict'
    throw new ApiError(status, `Statement ${label}: ${checked.error.message}`)
  }
  const { kind, amountCents, purpose } = checked.value
  const id = crypto.randomUUID()
  const results = await runBatch(
    db,
    [
      sql`INSERT INTO statement_adjustments (id, org_id, statement_id, kind, amount_cents, purpose, created_by_user_id, created_at)
        SELECT ${id}, ${statement.orgId}, ${statement.id}, ${kind}, ${amountCents}, ${purpose}, ${userId}, ${now}
        FROM statements WHERE id = ${statement.id} AND org_id = ${statement.orgId} AND status = 'open'
          AND (${kind} = 'bonus' OR total_cents >= ${amountCents})`,
      refreshStatementTotal(statement.id, now),
    ],
    `Statement ${label}`,
  )
  if (results[0]!.meta.changes !== 1) throw new ApiError('conflict', `Statement ${label} changed at the same time. Reload it and try again.`)
  return id
}
