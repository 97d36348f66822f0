import { describe, expect, it } from 'vitest'
import { localToUtcIso, tryLocalToUtcIso, utcToLocal } from './zoned-time'

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

describe('tryLocalToUtcIso', () => {
  it('should convert real wall-clock times like localToUtcIso', () => {
    expect(tryLocalToUtcIso('2026-06-12T07:00:00', 'America/Chicago')).toBe('2026-06-12T12:00:00.000Z')
  })
  it('should answer null for impossible or unreadable values instead of throwing', () => {
    for (const value of ['2026-02-30T07:00:00', '2026-13-01T07:00:00', '2026-05-04T25:61:00', 'yesterday', '', null, undefined, '2026-06-12T07:00:00+99:99']) {
      expect(tryLocalToUtcIso(value, 'America/Chicago'), String(value)).toBeNull()
    }
  })
  it('should read years before 100 literally (.NET sends DateTime.MinValue as 0001-01-01)', () => {
    expect(tryLocalToUtcIso('0001-01-01T00:00:00', 'UTC')).toBe('0001-01-01T00:00:00.000Z')
    expect(localToUtcIso('0099-12-31T23:00:00', 'UTC')).toBe('0099-12-31T23:00:00.000Z')
  })
})
