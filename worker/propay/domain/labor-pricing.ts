import { COST_DENOMINATOR } from './entry-cost'
import type { LaborTotals } from './labor-summary'
import { multiplyRatios, ratio, roundRatioHalfUp, type Ratio } from './ratio'
import { SECONDS_PER_HOUR } from './units'

/**
 * Prices budget hours at the blended wage, actual labor ÷ Σ hours (docs/domain/propay.md §5.1 **Decision**). Returns
 * `null` while no time is logged: an hours budget then has no dollar value yet.
 */
export function priceSeconds(seconds: Ratio, labor: LaborTotals): Ratio | null {
  if (labor.seconds === 0) return null
  return multiplyRatios(seconds, ratio(labor.costNumerator, COST_DENOMINATOR * BigInt(labor.seconds)))
}

/** The blended wage in cents per hour, rounded for display. */
export function blendedWageCentsPerHour(labor: LaborTotals): number | null {
  const perHour = priceSeconds(ratio(SECONDS_PER_HOUR), labor)
  return perHour === null ? null : roundRatioHalfUp(perHour)
}

/**
 * Labor cost in cents, rounded half-up: once per ProPay for actual labor (docs/domain/propay.md §12), or for display.
 */
export const laborCostCents = (labor: LaborTotals): number =>
  roundRatioHalfUp(ratio(labor.costNumerator, COST_DENOMINATOR))

/** A worker's time-weighted base wage in cents per hour, for display; `null` without time. */
export const averageBaseWageCentsPerHour = (labor: LaborTotals): number | null =>
  labor.seconds === 0 ? null : roundRatioHalfUp(ratio(labor.baseWageSeconds, labor.seconds))
