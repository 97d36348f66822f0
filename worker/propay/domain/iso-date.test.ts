import { describe, expect, it } from 'vitest'
import { addDays, compareDates, dateFromParts, isIsoDate, weekdayOf } from './iso-date'

describe('iso dates', () => {
  it('should accept real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('2026-5-1')).toBe(false)
    expect(isIsoDate(20260501)).toBe(false)
  })

  it('should add days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('should name weekdays', () => {
    expect(weekdayOf('1970-01-01')).toBe('thursday')
    expect(weekdayOf('2026-05-04')).toBe('monday')
    expect(weekdayOf('1969-12-28')).toBe('sunday')
  })

  it('should compare dates and roll months over in dateFromParts', () => {
    expect(compareDates('2026-05-01', '2026-04-30')).toBe(1)
    expect(dateFromParts(2026, 0, 16)).toBe('2025-12-16')
    expect(dateFromParts(2026, 13, 1)).toBe('2027-01-01')
  })
})
