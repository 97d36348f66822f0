import { describe, expect, it } from 'vitest'
import { changesFrom, COMMIT_LAG_MS, offsetAt, SAFE_SPREAD_MS, zoneSpreadMs } from './zone-spread'

const HOUR = 3600_000
const at = (iso: string) => Date.parse(iso)
const winter = at('2026-12-02T12:00:00Z')
const summer = at('2026-07-01T12:00:00Z')

describe('zone spread of Aspire modified stamps', () => {
  it('should read offsets with DST', () => {
    expect(offsetAt('America/Chicago', winter)).toBe(-6 * HOUR)
    expect(offsetAt('America/Chicago', summer)).toBe(-5 * HOUR)
    expect(offsetAt('America/Phoenix', summer)).toBe(-7 * HOUR)
  })

  it('should be the widest offset difference between branch zones', () => {
    expect(zoneSpreadMs(['America/Chicago', 'America/Denver'], [winter])).toBe(HOUR)
    // Hawaii to Eastern: 5 h in winter, 6 h in summer (Hawaii keeps no DST).
    expect(zoneSpreadMs(['Pacific/Honolulu', 'America/New_York'], [winter])).toBe(5 * HOUR)
    expect(zoneSpreadMs(['Pacific/Honolulu', 'America/New_York'], [summer])).toBe(6 * HOUR)
    // A tenant may span more than the US.
    expect(zoneSpreadMs(['Pacific/Honolulu', 'Europe/Berlin'], [winter])).toBe(11 * HOUR)
  })

  it('should count the hour a single zone goes back on a fall-back night', () => {
    // 2026-11-01 02:00 CDT → 01:00 CST: stamps in one zone run backwards for an hour.
    expect(zoneSpreadMs(['America/Chicago'], [at('2026-10-31T12:00:00Z'), at('2026-11-02T12:00:00Z')])).toBe(HOUR)
  })

  it('should use the widest spread on Earth when a zone is unknown', () => {
    expect(zoneSpreadMs(null, [winter])).toBe(SAFE_SPREAD_MS)
    expect(zoneSpreadMs([], [winter])).toBe(SAFE_SPREAD_MS)
  })

  it('should start a pass early enough for the change the issue lost (Chicago cursor, later Denver change)', () => {
    const now = at('2026-12-02T12:55:00Z')
    const from = changesFrom('2026-12-02T06:52:16', ['America/Chicago', 'America/Denver'], now)
    expect(from).toBe('2026-12-02T05:47:16')
    // The Denver ticket completed two seconds after the Chicago one carries 05:52:18: inside the pass.
    expect('2026-12-02T05:52:18' >= from).toBe(true)
  })

  it('should cover a one-zone tenant over a fall-back night and keep the plain lag otherwise', () => {
    const now = at('2026-12-02T12:00:00Z')
    expect(Date.parse(`${'2026-12-02T06:00:00'}Z`) - Date.parse(`${changesFrom('2026-12-02T06:00:00', ['America/Chicago'], now)}Z`)).toBe(COMMIT_LAG_MS)
    const nearDst = changesFrom('2026-11-01T01:30:00', ['America/Chicago'], at('2026-11-01T08:00:00Z'))
    expect(nearDst).toBe('2026-11-01T00:25:00')
  })

  it('should start from the beginning for no cursor or an unreadable one', () => {
    expect(changesFrom(null, ['UTC'], winter)).toBe('1900-01-01T00:00:00')
    expect(changesFrom('not a date', ['UTC'], winter)).toBe('1900-01-01T00:00:00')
  })

  /**
   * The bound itself, exhaustively over a fortnight around the US fall-back night: whatever the zones and
   * whenever the previous pass read, every change committed after that read starts at or after `changesFrom`.
   */
  it('should never start after a change made after the previous read, for any zones and moment', () => {
    const zones = ['Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Phoenix', 'America/Denver', 'America/Chicago', 'America/New_York']
    const wall = (instant: number, zone: string) => new Date(instant + offsetAt(zone, instant)).toISOString().slice(0, 19)
    const start = at('2026-10-25T00:00:00Z')
    for (let read = start; read < start + 14 * 24 * HOUR; read += 37 * 60_000) {
      // The cursor: the latest stamp any zone wrote by the read.
      const cursor = zones.map((z) => wall(read, z)).sort().at(-1)!
      const from = changesFrom(cursor, zones, read + 10 * 60_000)
      for (const zone of zones) for (const later of [read - COMMIT_LAG_MS, read + 30 * 60_000]) expect(wall(later, zone) >= from, `${zone} at ${new Date(later).toISOString()}`).toBe(true)
    }
  })
})
