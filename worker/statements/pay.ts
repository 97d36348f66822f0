/**
 * Payroll marks a statement paid (docs/domain/propay.md §13): every item on it whose hold is over is paid on the pay
 * date, and a ProPay whose line items are then all paid becomes PAID. Refused, with nothing written, while an item is
 * still held.
 * @module
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { BonusSettings } from '../../shared/api/bonus-settings'
import type { Db } from '../db/client'
import { lineItems, propays, statements, type LineItemRow, type ProPayRow, type StatementRow } from '../db/schema'
import { ApiError } from '../http/api-error'
import { transitionLineItem, transitionProPay, type LineItemStatus } from '../propay/domain'
import { lifecycleOf } from '../propay/lifecycle'
import { runBatch } from '../propay/d1-batch'
import { inJson } from '../propay/load-job-data'
import { carryForward, carryOutOf } from './carry-over'
import { statementNumber } from './view'

export async function payStatement(db: Db, statement: StatementRow, payDate: string, userId: string, now: string, settings: BonusSettings): Promise<void> {
  const label = statementNumber(statement.number)
  if (statement.status !== 'open') throw new ApiError('conflict', `Statement ${label} is ${statement.status}; only an open statement can be paid.`)
  const items = await db.select().from(lineItems).where(eq(lineItems.statementId, statement.id))
  const payable = items.filter((item) => item.status !== 'voided')
  if (payable.length === 0) throw new ApiError('conflict', `Statement ${label} has no line items to pay.`)

  const refusals: string[] = []
  const paid: LineItemRow[] = []
  for (const item of payable) {
    const released = item.status === 'held' ? transitionLineItem(item, { type: 'release_if_due', today: payDate }) : { ok: true as const, value: item }
    const result = released.ok ? transitionLineItem(released.value, { type: 'mark_paid', payDate }) : released
    if (result.ok) paid.push({ ...item, ...result.value })
    else refusals.push(result.error.message)
  }
  if (refusals.length > 0) {
    throw new ApiError('conflict', `Statement ${label} cannot be paid on ${payDate}: ${[...new Set(refusals)].join(' ')} Release the held items or pay later.`)
  }

  const newlyPaid = await proPaysNowPaid(db, statement, new Set(paid.map((i) => i.id)))
  const carryOutCents = settings.negativeNetting.rollOver ? await carryOutOf(db, statement, settings.negativeNetting) : 0
  const carry = await carryForward(db, statement, carryOutCents, settings.payPeriod, now)
  const results = await runBatch(
    db,
    [
    db
      .update(statements)
      .set({ status: 'paid', paidOn: payDate, paidByUserId: userId, carryOutCents, updatedAt: now })
      .where(and(eq(statements.id, statement.id), eq(statements.status, 'open'))),
    db
      .update(lineItems)
      .set({ status: 'paid', holdReason: null, heldUntil: null, paidOn: payDate, updatedAt: now })
      .where(and(inJson(lineItems.id, paid.map((i) => i.id)), inArray(lineItems.status, ['held', 'in_process']))),
    ...newlyPaid.map((row) =>
      db
        .update(propays)
        .set({ status: 'paid', updatedAt: now })
        .where(
          and(
            eq(propays.id, row.id),
            eq(propays.status, 'approved'),
            sql`NOT EXISTS (SELECT 1 FROM line_items WHERE line_items.propay_id = ${row.id} AND line_items.approval_round = ${row.approvalRound} AND line_items.status IN ('held', 'in_process'))`,
          ),
        ),
    ),
    ...carry,
    ],
    `Statement ${label}`,
  )
  if (results[0]!.meta.changes !== 1) throw new ApiError('conflict', `Statement ${label} changed at the same time. Reload it and try again.`)
}

/** The approved ProPays on this statement whose every current line item is paid once this statement is. */
async function proPaysNowPaid(db: Db, statement: StatementRow, paying: Set<string>): Promise<ProPayRow[]> {
  const ids = [...new Set((await db.select({ id: lineItems.propayId }).from(lineItems).where(eq(lineItems.statementId, statement.id))).map((r) => r.id))]
  const rows = await db.select().from(propays).where(and(inJson(propays.id, ids), eq(propays.orgId, statement.orgId), eq(propays.status, 'approved')))
  const out: ProPayRow[] = []
  for (const row of rows) {
    const current = await db
      .select({ id: lineItems.id, status: lineItems.status })
      .from(lineItems)
      .where(and(eq(lineItems.propayId, row.id), eq(lineItems.approvalRound, row.approvalRound)))
    const statuses = current.map((i) => (paying.has(i.id) ? 'paid' : i.status) as LineItemStatus)
    if (transitionProPay(lifecycleOf(row), { type: 'mark_paid', lineItems: statuses }).ok) out.push(row)
  }
  return out
}
