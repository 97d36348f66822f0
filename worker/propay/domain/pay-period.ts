import { addDays, dateFromParts, dateParts, toDayNumber, weekdayOf, WEEKDAYS, type Weekday } from './iso-date'
import type { IsoDate } from './units'

/**
 * How a branch cuts time into pay periods (docs/domain/propay.md §13).
 * - weekly: 7 days from the start weekday;
 * - biweekly: 14 days; a weekday alone is ambiguous for two-week periods, so it is pinned by any one period start;
 * - semi_monthly: two periods a month, starting on `startDay` and `startDay + 15` (1 → the 1st–15th and 16th–end);
 * - monthly: from `startDay` to the day before `startDay` of the next month.
 */
export type PayPeriodConfig =
  | { readonly frequency: 'weekly'; readonly startWeekday: Weekday }
  | { readonly frequency: 'biweekly'; readonly anchorStart: IsoDate }
  /** 1–13, so both starts exist in every month. */
  | { readonly frequency: 'semi_monthly'; readonly startDay: number }
  /** 1–28, so the start exists in every month. */
  | { readonly frequency: 'monthly'; readonly startDay: number }

export interface PayPeriod {
  /** First day, inclusive. */
  readonly start: IsoDate
  /** Last day, inclusive. */
  readonly end: IsoDate
}

/** The pay period that contains `date`. */
export function payPeriodContaining(config: PayPeriodConfig, date: IsoDate): PayPeriod {
  switch (config.frequency) {
    case 'weekly': {
      const back = (WEEKDAYS.indexOf(weekdayOf(date)) - WEEKDAYS.indexOf(config.startWeekday) + 7) % 7
      const start = addDays(date, -back)
      return { start, end: addDays(start, 6) }
    }
    case 'biweekly': {
      const offset = (((toDayNumber(date) - toDayNumber(config.anchorStart)) % 14) + 14) % 14
      const start = addDays(date, -offset)
      return { start, end: addDays(start, 13) }
    }
    case 'semi_monthly':
      return semiMonthlyPeriod(config.startDay, date)
    case 'monthly': {
      const { year, month, day } = dateParts(date)
      const startMonth = day >= config.startDay ? month : month - 1
      return monthSpan(year, startMonth, config.startDay, startMonth + 1, config.startDay)
    }
  }
}

/** The pay period right before the one that contains `date`. */
export const previousPayPeriod = (config: PayPeriodConfig, date: IsoDate): PayPeriod =>
  payPeriodContaining(config, addDays(payPeriodContaining(config, date).start, -1))

function semiMonthlyPeriod(startDay: number, date: IsoDate): PayPeriod {
  const { year, month, day } = dateParts(date)
  const secondStart = startDay + 15
  if (day >= secondStart) return monthSpan(year, month, secondStart, month + 1, startDay)
  if (day >= startDay) return monthSpan(year, month, startDay, month, secondStart)
  return monthSpan(year, month - 1, secondStart, month, startDay)
}

/** From day `fromDay` of `fromMonth` to the day before day `toDay` of `toMonth` (months may run past 1–12). */
const monthSpan = (year: number, fromMonth: number, fromDay: number, toMonth: number, toDay: number): PayPeriod => ({
  start: dateFromParts(year, fromMonth, fromDay),
  end: addDays(dateFromParts(year, toMonth, toDay), -1),
})
