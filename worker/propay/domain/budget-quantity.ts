import { priceSeconds } from './labor-pricing'
import type { LaborTotals } from './labor-summary'
import { roundRatioHalfUp, type Ratio } from './ratio'
import type { Cents, Seconds } from './units'

/**
 * A budget on its way through modifier and adjustment: person-hours (as exact seconds) or an amount (as exact
 * cents). Hours stay hours until the very end, because only then is the blended wage applied
 * (docs/domain/propay.md §5.2 order).
 */
export type BudgetQuantity =
  | { readonly unit: 'hours'; readonly seconds: Ratio }
  | { readonly unit: 'amount'; readonly cents: Ratio }

/** A budget figure as the breakdown shows it; `cents` is `null` for hours that cannot be priced yet (no time). */
export interface BudgetFigure {
  readonly unit: 'hours' | 'amount'
  readonly seconds: Seconds | null
  readonly cents: Cents | null
}

/** The exact dollar value of a budget, or `null` for hours while no time is logged. */
export const quantityInCents = (quantity: BudgetQuantity, labor: LaborTotals): Ratio | null =>
  quantity.unit === 'amount' ? quantity.cents : priceSeconds(quantity.seconds, labor)

/** Rounds a quantity half-up for display; the effective budget uses the same rounding, applied once. */
export function toBudgetFigure(quantity: BudgetQuantity, labor: LaborTotals): BudgetFigure {
  const cents = quantityInCents(quantity, labor)
  return {
    unit: quantity.unit,
    seconds: quantity.unit === 'hours' ? roundRatioHalfUp(quantity.seconds) : null,
    cents: cents === null ? null : roundRatioHalfUp(cents),
  }
}
