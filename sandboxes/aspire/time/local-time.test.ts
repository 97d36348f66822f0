import { describe, expect, it } from 'vitest'
import { formatInZone, formatWall, isValidTimeZone, normalizeDateTime, parseWall, startOfDay, toWall } from './local-time'
import { ianaZone, zoneLabel } from './zones'

describe('local time', () => {
  it('should normalise dates and date-times to the offset-less form', () => {
    expect(normalizeDateTime('2024-06-12')).toBe('2024-06-12T00:00:00')
    expect(normalizeDateTime('2024-06-12T07:05')).toBe('2024-06-12T07:05:00')
    expect(normalizeDateTime('2024-06-12T07:05:09.123Z')).toBe('2024-06-12T07:05:09')
    expect(normalizeDateTime('2024-06-12T07:05:09-05:00')).toBe('2024-06-12T07:05:09')
  })

  it('should reject impossible dates and other text', () => {
    expect(normalizeDateTime('2024-02-30')).toBeNull()
    expect(normalizeDateTime('yesterday')).toBeNull()
    expect(parseWall('2024-13-01')).toBeNull()
  })

  it('should round-trip wall ms', () => {
    expect(formatWall(parseWall('2026-11-18T09:30:00')!)).toBe('2026-11-18T09:30:00')
    expect(startOfDay('2026-11-18T09:30:00')).toBe('2026-11-18T00:00:00')
  })

  it('should format an instant as branch-local wall-clock time, across DST', () => {
    expect(formatInZone(Date.parse('2026-07-01T15:00:00Z'), 'America/Chicago')).toBe('2026-07-01T10:00:00')
    expect(formatInZone(Date.parse('2026-12-01T15:00:00Z'), 'America/Chicago')).toBe('2026-12-01T09:00:00')
    expect(formatInZone(Date.parse('2026-07-01T15:00:00Z'), 'America/Phoenix')).toBe('2026-07-01T08:00:00')
    expect(toWall(Date.parse('2026-07-01T00:30:00Z'), 'UTC')).toBe(Date.parse('2026-07-01T00:30:00Z'))
  })

  it('should tell valid zones from invalid ones', () => {
    expect(isValidTimeZone('America/Denver')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
  })

  it('should label zones in IANA or Windows style and map both back', () => {
    expect(zoneLabel('America/Chicago', 'windows')).toBe('Central Standard Time')
    expect(zoneLabel('America/Chicago', 'iana')).toBe('America/Chicago')
    expect(ianaZone('Eastern Standard Time')).toBe('America/New_York')
    expect(ianaZone('America/Denver')).toBe('America/Denver')
  })
})
