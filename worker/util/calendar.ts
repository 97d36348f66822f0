/**
 * Proleptic Gregorian calendar arithmetic on plain numbers, for the hot paths that read hundreds of thousands of
 * dates in a backfill (the value guard, wall-clock conversion): the same answers as `Date`, without a regex, a
 * `Date` object or a string per value.
 * @module
 */

const DAY_MS = 86_400_000

export const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

/** Days in `month` (1–12) of `year`; year 0 (1 BC) is a leap year, as in `Date`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Whether `month` (1–12) and `day` make a real date in `year`. */
export const isCalendarDate = (year: number, month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)

/** Days from 1970-01-01 to a real date (negative before it); H. Hinnant's `days_from_civil`. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** `Date.UTC` of a real wall-clock time, years 0–99 read literally. */
export const utcMsOf = (year: number, month: number, day: number, hour: number, minute: number, second: number) =>
  daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000

/** The number written by `count` ASCII digits of `text` from `start`, or -1 if any of them is not a digit. */
export function digitsAt(text: string, start: number, count: number): number {
  let value = 0
  for (let i = start; i < start + count; i++) {
    // Past the end charCodeAt is NaN, which fails both tests.
    const digit = text.charCodeAt(i) - 48
    if (!(digit >= 0 && digit <= 9)) return -1
    value = value * 10 + digit
  }
  return value
}
