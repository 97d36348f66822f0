/**
 * A statement's stored total is its net balance (docs/domain/propay.md §13), the same figure `netStatement` computes:
 * max(0, bonus items + bonus adjustments − deductions − overage items − carried in). Overage items only exist when
 * netting was on at approval, and carried-in money only with roll-over, so the SQL needs no settings. Kept as one
 * SQL expression so it can run inside the atomic batches that change items or adjustments.
 * @module
 */
import { sql, type SQL } from 'drizzle-orm'

const NET_TOTAL = sql.raw(`MAX(0,
  COALESCE((SELECT SUM(amount_cents) FROM line_items WHERE line_items.statement_id = statements.id AND line_items.status <> 'voided'), 0)
  + COALESCE((SELECT SUM(CASE kind WHEN 'bonus' THEN amount_cents ELSE -amount_cents END) FROM statement_adjustments
      WHERE statement_adjustments.statement_id = statements.id), 0)
  - statements.carried_in_cents)`)

/** Recomputes the totals of the open statements `where` picks (a condition on `statements`); paid ones are final. */
export const refreshTotalsWhere = (where: SQL, now: string) =>
  sql`UPDATE statements SET updated_at = ${now}, total_cents = ${NET_TOTAL} WHERE statements.status = 'open' AND (${where})`

export const refreshStatementTotal = (statementId: string, now: string) => refreshTotalsWhere(sql`statements.id = ${statementId}`, now)
