/**
 * A manager holds, releases, extends the hold on, or voids one line item (docs/domain/propay.md §13). The domain's
 * `transitionLineItem` decides; a refused action is a 409 with its message and writes nothing. The update only
 * applies while the item still has the status it was read with, so two managers acting at once cannot both win.
 * @module
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { lineItems, statements, type LineItemRow, type StatementRow } from '../db/schema'
import { ApiError } from '../http/api-error'
import { transitionLineItem, type LineItemAction } from '../propay/domain'
import { runBatch } from '../propay/d1-batch'
import { refreshStatementTotal } from './totals'

export type ManagerLineItemAction = Extract<LineItemAction, { type: 'hold' | 'release' | 'extend_hold' | 'void' }>

export async function loadLineItem(db: Db, orgId: string, id: string): Promise<{ item: LineItemRow; statement: StatementRow }> {
  const [row] = await db
    .select({ item: lineItems, statement: statements })
    .from(lineItems)
    .innerJoin(statements, eq(statements.id, lineItems.statementId))
    .where(and(eq(lineItems.orgId, orgId), eq(lineItems.id, id)))
  if (!row) throw new ApiError('not_found', 'No line item with this id in your organisation.')
  return row
}

export async function actOnLineItem(db: Db, orgId: string, id: string, action: ManagerLineItemAction, now: string): Promise<void> {
  const { item } = await loadLineItem(db, orgId, id)
  const result = transitionLineItem(item, action)
  if (!result.ok) throw new ApiError('conflict', result.error.message)
  const next = result.value
  const results = await runBatch(
    db,
    [
      db
        .update(lineItems)
        .set({ status: next.status, holdReason: next.holdReason, heldUntil: next.heldUntil, updatedAt: now })
        .where(and(eq(lineItems.id, item.id), eq(lineItems.orgId, orgId), eq(lineItems.status, item.status))),
      // Voiding changes what the statement adds up to; a hold does not (held money is still owed).
      refreshStatementTotal(item.statementId, now),
    ],
    'This line item',
  )
  if (results[0]!.meta.changes !== 1) throw new ApiError('conflict', 'This line item changed at the same time. Reload it and try again.')
}
