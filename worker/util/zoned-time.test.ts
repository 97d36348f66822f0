import { describe, expect, it } from 'vitest'
import { localToUtcIso, utcToLocal } from './zoned-time'

describe('localToUtcIso', () => {
  it('should apply daylight and standard time', () => {
    expect(localToUtcIso('2026-06-12T07:00:00', 'America/Chicago')).toBe('2026-06-12T12:00:00.000Z')
    expect(localToUtcIso('2026-01-12T07:00:00', 'America/Chicago')).toBe('2026-01-12T13:00:00.000Z')
    expect(localToUtcIso('2026-07-01T08:30:00', 'America/Phoenix')).toBe('2026-07-01T15:30:00.000Z')
  })
  it('should keep values that carry an offset', () => {
    expect(localToUtcIso('2026-06-12T07:00:00Z', 'America/Chicago')).toBe('2026-06-12T07:00:00.000Z')
  })
  it('should read a date alone as local midnight', () => {
    expect(localToUtcIso('2026-03-01', 'America/New_York')).toBe('2026-03-01T05:00:00.000Z')
  })
})

describe('localToUtcIso across a DST change', () => {
  it('should use the right offset on both sides of the spring-forward hour', () => {
    // America/Chicago moved from CST (-6) to CDT (-5) at 2026-03-08 02:00 local.
    expect(localToUtcIso('2026-03-08T01:30:00', 'America/Chicago')).toBe('2026-03-08T07:30:00.000Z')
    expect(localToUtcIso('2026-03-08T03:30:00', 'America/Chicago')).toBe('2026-03-08T08:30:00.000Z')
    expect(localToUtcIso('2026-11-01T00:30:00', 'America/Chicago')).toBe('2026-11-01T05:30:00.000Z')
    expect(localToUtcIso('2026-11-01T03:00:00', 'America/Chicago')).toBe('2026-11-01T09:00:00.000Z')
  })
})

describe('utcToLocal', () => {
  it('should give the wall-clock time in the zone, inverting localToUtcIso', () => {
    expect(utcToLocal('2026-06-12T12:00:00.000Z', 'America/Chicago')).toBe('2026-06-12T07:00:00')
    expect(utcToLocal('2026-01-12T13:00:00Z', 'America/Chicago')).toBe('2026-01-12T07:00:00')
    expect(localToUtcIso(utcToLocal('2026-03-08T08:30:00.000Z', 'America/Chicago'), 'America/Chicago')).toBe('2026-03-08T08:30:00.000Z')
  })
})
