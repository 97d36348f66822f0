import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysInMonth, digitsAt, isCalendarDate, utcMsOf } from './calendar'

/** `Date.UTC` with years 0–99 read literally. */
function dateUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0) {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second))
  date.setUTCFullYear(year, month - 1, day)
  return date.getTime()
}

describe('calendar', () => {
  it('should agree with Date on the length of every month, leap years and year 0 included', () => {
    for (const year of [0, 1, 4, 100, 400, 1900, 2000, 2024, 2026, 2100, 9999]) {
      for (let month = 1; month <= 12; month++) expect(daysInMonth(year, month), `${year}-${month}`).toBe(new Date(dateUtc(year, month + 1, 0)).getUTCDate())
    }
    expect(isCalendarDate(2024, 2, 29)).toBe(true)
    expect(isCalendarDate(2026, 2, 29)).toBe(false)
    expect(isCalendarDate(2026, 0, 1)).toBe(false)
    expect(isCalendarDate(2026, 13, 1)).toBe(false)
    expect(isCalendarDate(2026, 4, 31)).toBe(false)
  })

  it('should give the ms Date.UTC gives for any real wall-clock time in years 0–9999', () => {
    const wall = fc.record({ year: fc.integer({ min: 0, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }), hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }), second: fc.integer({ min: 0, max: 59 }) })
    fc.assert(
      fc.property(wall, ({ year, month, day, hour, minute, second }) => {
        const d = Math.min(day, daysInMonth(year, month))
        return utcMsOf(year, month, d, hour, minute, second) === dateUtc(year, month, d, hour, minute, second)
      }),
      { numRuns: 5000 },
    )
  })

  it('should read ASCII digits only', () => {
    expect(digitsAt('x2026-06', 1, 4)).toBe(2026)
    expect(digitsAt('2026-06', 5, 2)).toBe(6)
    expect(digitsAt('20a6', 0, 4)).toBe(-1)
    expect(digitsAt('２０２６', 0, 4)).toBe(-1)
    expect(digitsAt('202', 0, 4)).toBe(-1)
  })
})
