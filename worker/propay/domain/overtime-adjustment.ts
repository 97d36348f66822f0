import { compareDates } from './iso-date'
import { splitByLargestRemainder } from './largest-remainder'
import { ratio, roundRatioHalfUp } from './ratio'
import { SECONDS_PER_HOUR, type Cents, type IsoDate, type Seconds } from './units'

/** One worker's hours in one workweek. */
export interface WorkweekHours {
  readonly weekStart: IsoDate
  /** Counted time on this ProPay that week: spreads the bonus over weeks. */
  readonly proPaySeconds: Seconds
  /** All time the worker worked that week, on every job. */
  readonly totalSeconds: Seconds
  readonly overtimeSeconds: Seconds
}

export interface OvertimeWeekAdjustment {
  readonly weekStart: IsoDate
  /** The part of the bonus that belongs to this week. */
  readonly bonusCents: Cents
  /** bonus ÷ all hours worked that week, rounded for display. */
  readonly bonusRateCentsPerHour: Cents
  readonly overtimeSeconds: Seconds
  /** ½ × bonus rate × overtime hours, rounded half-up. */
  readonly adjustmentCents: Cents
}

/**
 * The US overtime premium on a worker's bonus (docs/domain/propay.md §11), paid as its own line item unless the company
 * switches it off. The bonus is spread over the weeks the worker logged hours on the ProPay, in proportion to those
 * hours (the **Open** default of the same section), by largest remainder; each week then adds half its bonus rate for
 * every overtime hour. A bonus with no hours on the ProPay (e.g. a manager bucket) belongs to no workweek and gets no
 * adjustment.
 *
 * @example
 * // $100 bonus, 10 h on the ProPay, 50 h worked that week of which 10 h overtime:
 * const week = { weekStart: '2026-05-04', proPaySeconds: 36000, totalSeconds: 180000, overtimeSeconds: 36000 }
 * overtimeAdjustment(10000, [week])
 * // → bonus rate $100 / 50 h = $2/h; 10 overtime hours × $1 = totalCents 1000
 */
export function overtimeAdjustment(
  bonusCents: Cents,
  weeks: readonly WorkweekHours[],
): { weeks: OvertimeWeekAdjustment[]; totalCents: Cents } {
  const worked = [...weeks]
    .filter((week) => week.proPaySeconds > 0)
    .sort((a, b) => compareDates(a.weekStart, b.weekStart))
  if (worked.length === 0) return { weeks: [], totalCents: 0 }

  const bonuses = splitByLargestRemainder(
    bonusCents,
    worked.map((week) => ({ key: week.weekStart, weight: BigInt(week.proPaySeconds) })),
  )
  const adjusted = worked.map((week, index) => {
    const bonus = bonuses[index]!.amountCents
    // Σ hours that week can never be below the ProPay's hours; taking the larger guards against inconsistent input.
    const total = Math.max(week.totalSeconds, week.proPaySeconds)
    return {
      weekStart: week.weekStart,
      bonusCents: bonus,
      bonusRateCentsPerHour: roundRatioHalfUp(ratio(BigInt(bonus) * BigInt(SECONDS_PER_HOUR), total)),
      overtimeSeconds: week.overtimeSeconds,
      adjustmentCents: roundRatioHalfUp(ratio(BigInt(bonus) * BigInt(week.overtimeSeconds), 2 * total)),
    }
  })
  return { weeks: adjusted, totalCents: adjusted.reduce((sum, week) => sum + week.adjustmentCents, 0) }
}
