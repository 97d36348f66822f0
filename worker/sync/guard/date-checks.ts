/**
 * The value rules' date tests (a real calendar date, a real instant, both in 1900–2100), decided on the string's
 * characters for the shapes the connectors produce (`2026-06-12`, `toISOString()`), and by `Date.parse` otherwise.
 * @module
 */
import { digitsAt, isCalendarDate } from '../../util/calendar'
import { YEAR_RANGE } from './value-rules'

const MIN_MS = Date.UTC(YEAR_RANGE.from, 0, 1)
const END_MS = Date.UTC(YEAR_RANGE.to + 1, 0, 1)

/** Whether a time in ms falls in the years the rules accept (false for NaN). */
export const msInYears = (ms: number) => ms >= MIN_MS && ms < END_MS

const inYears = (year: number) => year >= YEAR_RANGE.from && year <= YEAR_RANGE.to

/** `YYYY-MM-DD`, a real date in the accepted years. */
export function isRealDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false
  const year = digitsAt(value, 0, 4)
  const month = digitsAt(value, 5, 2)
  const day = digitsAt(value, 8, 2)
  return year >= 0 && month >= 0 && day >= 0 && inYears(year) && isCalendarDate(year, month, day)
}

const at = (value: string, i: number, char: string) => value.charCodeAt(i) === char.charCodeAt(0)

/** The UTC year of `YYYY-MM-DDTHH:mm:ss.sssZ` (what `toISOString` writes) if it is a real instant, else -1. */
function canonicalIsoYear(value: string): number {
  if (value.length !== 24 || !at(value, 4, '-') || !at(value, 7, '-') || !at(value, 10, 'T') || !at(value, 13, ':') || !at(value, 16, ':') || !at(value, 19, '.') || !at(value, 23, 'Z')) return -1
  const year = digitsAt(value, 0, 4)
  const hour = digitsAt(value, 11, 2)
  const minute = digitsAt(value, 14, 2)
  const second = digitsAt(value, 17, 2)
  if (year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || digitsAt(value, 20, 3) < 0) return -1
  return isCalendarDate(year, digitsAt(value, 5, 2), digitsAt(value, 8, 2)) ? year : -1
}

/** Whether a string is an instant `Date.parse` reads, in the accepted years. */
export function isInstantInYears(value: string): boolean {
  const year = canonicalIsoYear(value)
  // Anything else (an offset, no milliseconds, 24:00, free text) is left to Date.parse, which decided it before.
  return year >= 0 ? inYears(year) : msInYears(Date.parse(value))
}
