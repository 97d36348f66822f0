import { describe, expect, it } from 'vitest'
import { odataDateTime } from './odata-literal'

describe('odataDateTime', () => {
  it('should write wall-clock date-times and dates with Z, as public Aspire clients do', () => {
    expect(odataDateTime('2026-06-12T07:00:00')).toBe('2026-06-12T07:00:00Z')
    expect(odataDateTime('2026-06-12T07:00:00.123')).toBe('2026-06-12T07:00:00.123Z')
    expect(odataDateTime('2026-06-12T07:00')).toBe('2026-06-12T07:00:00Z')
    expect(odataDateTime('2026-06-12')).toBe('2026-06-12T00:00:00Z')
  })

  it('should keep a zone the value already carries', () => {
    expect(odataDateTime('2026-06-12T07:00:00Z')).toBe('2026-06-12T07:00:00Z')
    expect(odataDateTime('2026-06-12T07:00:00-05:00')).toBe('2026-06-12T07:00:00-05:00')
  })

  it('should refuse anything that is not a date, rather than splice it into a filter', () => {
    for (const bad of ['', 'now', '2026-06-12 or 1 eq 1', '2026-06-12T07:00:00Z)', "2026-06-12'"]) expect(() => odataDateTime(bad), bad).toThrow(/Not a date/)
  })
})
