import { describe, expect, it } from 'vitest'
import { formatInZone, isValidTimeZone, toWall, wallToEpoch } from './zoned-time'

const iso = (epochMs: number) => new Date(epochMs).toISOString()

describe('sandbox zoned time', () => {
  it('should format an instant as local wall-clock time, in and out of DST', () => {
    expect(formatInZone(Date.parse('2026-07-01T15:00:00Z'), 'America/Chicago')).toBe('2026-07-01T10:00:00')
    expect(formatInZone(Date.parse('2026-12-01T15:00:00Z'), 'America/Chicago')).toBe('2026-12-01T09:00:00')
    expect(formatInZone(Date.parse('2026-07-01T15:00:00Z'), 'America/Phoenix')).toBe('2026-07-01T08:00:00')
    expect(toWall(Date.parse('2026-07-01T00:30:00Z'), 'UTC')).toBe(Date.parse('2026-07-01T00:30:00Z'))
  })

  it('should turn ordinary wall-clock times into instants on both sides of DST', () => {
    expect(iso(wallToEpoch('2026-07-01T10:00:00', 'America/Chicago'))).toBe('2026-07-01T15:00:00.000Z')
    expect(iso(wallToEpoch('2026-12-01T09:00:00', 'America/Chicago'))).toBe('2026-12-01T15:00:00.000Z')
    expect(iso(wallToEpoch('2026-07-01T08:00', 'America/Phoenix'))).toBe('2026-07-01T15:00:00.000Z')
    expect(iso(wallToEpoch('2026-06-01T12:00:00', 'Australia/Sydney'))).toBe('2026-06-01T02:00:00.000Z')
  })

  it('should read the hour repeated when clocks go back as its first occurrence', () => {
    // 2026-11-01 01:30 happens twice in Chicago: at 06:30Z (CDT) and again at 07:30Z (CST).
    expect(iso(wallToEpoch('2026-11-01T01:30:00', 'America/Chicago'))).toBe('2026-11-01T06:30:00.000Z')
    expect(iso(wallToEpoch('2026-11-01T02:00:00', 'America/Chicago'))).toBe('2026-11-01T08:00:00.000Z')
  })

  it('should move a time skipped when clocks go forward past the gap', () => {
    // 2026-03-08 02:00–02:59 does not exist in Chicago; 02:30 is read as CST, i.e. 03:30 CDT.
    expect(iso(wallToEpoch('2026-03-08T02:30:00', 'America/Chicago'))).toBe('2026-03-08T08:30:00.000Z')
    expect(formatInZone(wallToEpoch('2026-03-08T02:30:00', 'America/Chicago'), 'America/Chicago')).toBe('2026-03-08T03:30:00')
    expect(iso(wallToEpoch('2026-03-08T03:00:00', 'America/Chicago'))).toBe('2026-03-08T08:00:00.000Z')
  })

  it('should round-trip every hour of the week clocks go forward in Berlin (29 March 2026)', () => {
    const start = Date.parse('2026-03-26T00:00:00Z')
    for (let h = 0; h < 7 * 24; h++) {
      const instant = start + h * 3_600_000
      expect(wallToEpoch(formatInZone(instant, 'Europe/Berlin'), 'Europe/Berlin')).toBe(instant)
    }
  })

  it('should refuse text that is not a wall-clock time, and tell valid zones from invalid ones', () => {
    expect(() => wallToEpoch('yesterday', 'UTC')).toThrow(/Not a wall-clock time/)
    expect(isValidTimeZone('America/Denver')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
  })
})
