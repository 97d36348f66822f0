import { describe, expect, it } from 'vitest'
import { literalWall } from './date-literal'

describe('literalWall', () => {
  it('should keep the digits of a Z literal and make a date its midnight', () => {
    expect(literalWall('2026-03-08T01:30:00Z')).toBe('2026-03-08T01:30:00')
    expect(literalWall('2026-03-08T01:30:00.999Z')).toBe('2026-03-08T01:30:00')
    expect(literalWall('2026-03-08')).toBe('2026-03-08T00:00:00')
  })

  it('should read an offset literal in the server zone (UTC)', () => {
    expect(literalWall('2026-03-08T20:00:00-06:00')).toBe('2026-03-09T02:00:00')
    expect(literalWall('2026-03-08T05:30:00+05:30')).toBe('2026-03-08T00:00:00')
  })

  it('should answer null for what is no date', () => {
    expect(literalWall('2026-02-30')).toBeNull()
    expect(literalWall('soon')).toBeNull()
  })
})
