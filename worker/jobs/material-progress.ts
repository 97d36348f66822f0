/**
 * Production tracking: material used against a milestone's budgeted quantities (Aspire WorkTicketItems vs
 * ItemAllocations) gives its percent complete — 10 of 20 trees installed is 50%. Each line counts at most
 * its budget, so using too much of one item never hides a shortfall in another.
 * @module
 */
import type { MaterialProgress } from '../../shared/api/jobs'

export interface BudgetLine {
  catalogItemExternalId: string | null
  name: string | null
  quantity: number | null
}

export interface Allocation {
  catalogItemExternalId: string | null
  quantity: number
}

export function materialProgress(budget: readonly BudgetLine[], used: readonly Allocation[]): MaterialProgress {
  const lines = new Map<string, { name: string | null; budgeted: number; used: number }>()
  for (const line of budget) {
    if (!line.catalogItemExternalId || !line.quantity || line.quantity <= 0) continue
    const current = lines.get(line.catalogItemExternalId) ?? { name: line.name, budgeted: 0, used: 0 }
    current.budgeted += line.quantity
    lines.set(line.catalogItemExternalId, current)
  }
  for (const allocation of used) {
    const line = allocation.catalogItemExternalId ? lines.get(allocation.catalogItemExternalId) : undefined
    if (line) line.used += allocation.quantity
  }
  const rows = [...lines.entries()].map(([catalogItemExternalId, l]) => ({
    catalogItemExternalId,
    name: l.name,
    budgetedQuantity: l.budgeted,
    usedQuantity: l.used,
    percent: Math.round((Math.min(l.used, l.budgeted) / l.budgeted) * 100),
  }))
  const budgeted = rows.reduce((sum, r) => sum + r.budgetedQuantity, 0)
  const done = rows.reduce((sum, r) => sum + Math.min(r.usedQuantity, r.budgetedQuantity), 0)
  return { percentComplete: budgeted > 0 ? Math.round((done / budgeted) * 100) : null, lines: rows }
}
