import type { BudgetAdjustment } from './budget-types'
import type { BudgetQuantity } from './budget-quantity'
import { multiplyRatios, ratio } from './ratio'
import { FULL_BP, type BasisPoints } from './units'

/** Multiplies a budget by a basis-point factor, keeping its unit. */
export function scaleQuantity(quantity: BudgetQuantity, factorBp: BasisPoints): BudgetQuantity {
  const factor = ratio(factorBp, FULL_BP)
  return quantity.unit === 'hours'
    ? { unit: 'hours', seconds: multiplyRatios(quantity.seconds, factor) }
    : { unit: 'amount', cents: multiplyRatios(quantity.cents, factor) }
}

/**
 * Applies a budget adjustment (docs/domain/propay.md §5.2). The percentage kinds and `multiply` scale the budget in its
 * own unit; `manual_amount` and `manual_hours` replace it outright, whatever its unit was; `none` leaves it as it is.
 */
export function applyAdjustment(quantity: BudgetQuantity, adjustment: BudgetAdjustment): BudgetQuantity {
  switch (adjustment.kind) {
    case 'none':
      return quantity
    case 'percentage_increase':
      return scaleQuantity(quantity, FULL_BP + adjustment.bp)
    case 'percentage_decrease':
      return scaleQuantity(quantity, FULL_BP - adjustment.bp)
    case 'multiply':
      return scaleQuantity(quantity, adjustment.factorBp)
    case 'manual_amount':
      return { unit: 'amount', cents: ratio(adjustment.amountCents) }
    case 'manual_hours':
      return { unit: 'hours', seconds: ratio(adjustment.seconds) }
  }
}
