import type { IsoDate } from './units'

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, read as UTC dates so a result never depends on the machine's time
 * zone. Dates are turned into day numbers (days since 1970-01-01) for arithmetic and back.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** True for a real calendar date in `YYYY-MM-DD` form (so `2026-02-30` is refused). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false
  const match = ISO_DATE.exec(value)
  if (!match) return false
  return fromDayNumber(toDayNumber(value)) === value
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date)
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`)
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY
}

export const fromDayNumber = (day: number): IsoDate => new Date(day * MS_PER_DAY).toISOString().slice(0, 10)

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(toDayNumber(date) + days)

/** 1970-01-01 was a Thursday, hence the offset of 4. */
export const weekdayOf = (date: IsoDate): Weekday => WEEKDAYS[(((toDayNumber(date) + 4) % 7) + 7) % 7]!

export const compareDates = (a: IsoDate, b: IsoDate): number => toDayNumber(a) - toDayNumber(b)

/** Year, month (1–12) and day of a date. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

/** Builds a date from parts; a month outside 1–12 rolls into the neighbouring year (month 0 = December before). */
export const dateFromParts = (year: number, month: number, day: number): IsoDate =>
  fromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY)
