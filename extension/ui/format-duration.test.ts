import { describe, expect, it } from 'vitest'
import { firstDayOfYear } from './first-day-of-year'
import { formatDuration } from './format-duration'

describe('formatDuration', () => {
  it('should read like a person says it', () => {
    expect(formatDuration(45)).toBe('45 s')
    expect(formatDuration(150)).toBe('3 min')
    expect(formatDuration(3900)).toBe('1 h 5 min')
    expect(formatDuration(7200)).toBe('2 h')
  })
})

describe('firstDayOfYear', () => {
  it('should be January 1st of the current local year', () => {
    expect(firstDayOfYear(new Date(2027, 5, 15))).toBe('2027-01-01')
    expect(firstDayOfYear(new Date(2026, 0, 1, 0, 30))).toBe('2026-01-01')
  })
})
