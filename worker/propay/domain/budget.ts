import { applyAdjustment, scaleQuantity } from './budget-adjustment'
import { baseBudget, type TaskBudgetRow } from './budget-base'
import { quantityInCents, toBudgetFigure, type BudgetFigure } from './budget-quantity'
import type { BudgetAdjustment, BudgetSpec, BudgetType } from './budget-types'
import type { Warning } from './issues'
import { blendedWageCentsPerHour } from './labor-pricing'
import type { LaborSummary } from './labor-summary'
import { roundRatioHalfUp } from './ratio'
import type { BasisPoints, Cents } from './units'

/** How the labor budget was reached, step by step (docs/domain/propay.md §5). */
export interface BudgetBreakdown {
  readonly type: BudgetType
  /** The synced or entered budget, as given. */
  readonly inputs: BudgetSpec
  /** Task lines for the task budget types, else `null`. */
  readonly tasks: TaskBudgetRow[] | null
  readonly base: BudgetFigure
  readonly modifierBp: BasisPoints
  readonly afterModifier: BudgetFigure
  readonly adjustment: BudgetAdjustment
  readonly effective: BudgetFigure
  /** actual labor ÷ counted hours, the price of budget hours; `null` without time. */
  readonly blendedWageCentsPerHour: Cents | null
  /** The budget savings are measured against; `null` for hours not yet priced (no time logged). */
  readonly laborBudgetCents: Cents | null
}

/**
 * Computes the labor budget (docs/domain/propay.md §5.2 **Decision** order): adjustment applied to (synced or entered
 * budget × company modifier), hours priced at the blended wage, rounded half-up once. Intermediate figures are rounded
 * for display only; the effective budget is rounded from the exact value, so display figures may differ from it by a
 * cent.
 */
export function computeBudget(
  spec: BudgetSpec,
  adjustment: BudgetAdjustment,
  modifierBp: BasisPoints,
  labor: LaborSummary,
): { breakdown: BudgetBreakdown; warnings: Warning[] } {
  const base = baseBudget(spec, labor)
  const afterModifier = scaleQuantity(base.quantity, modifierBp)
  const effective = applyAdjustment(afterModifier, adjustment)
  const effectiveCents = quantityInCents(effective, labor.counted)
  const breakdown: BudgetBreakdown = {
    type: spec.type,
    inputs: spec,
    tasks: base.tasks,
    base: toBudgetFigure(base.quantity, labor.counted),
    modifierBp,
    afterModifier: toBudgetFigure(afterModifier, labor.counted),
    adjustment,
    effective: toBudgetFigure(effective, labor.counted),
    blendedWageCentsPerHour: blendedWageCentsPerHour(labor.counted),
    laborBudgetCents: effectiveCents === null ? null : roundRatioHalfUp(effectiveCents),
  }
  return { breakdown, warnings: base.warnings }
}

/**
 * A ProPay may be created only with a valid budget: the effective budget after adjustments is above zero
 * (docs/domain/propay.md §4.1 **Decision**). Hours count before they can be priced.
 */
export const hasValidBudget = (budget: BudgetBreakdown): boolean =>
  budget.effective.unit === 'hours' ? (budget.effective.seconds ?? 0) > 0 : (budget.effective.cents ?? 0) > 0
