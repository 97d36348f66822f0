import { describe, expect, it } from 'vitest'
import { formatWall, normalizeDateTime, parseWall, startOfDay } from './local-time'
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

  it('should label zones in IANA or Windows style and map both back', () => {
    expect(zoneLabel('America/Chicago', 'windows')).toBe('Central Standard Time')
    expect(zoneLabel('America/Chicago', 'iana')).toBe('America/Chicago')
    expect(ianaZone('Eastern Standard Time')).toBe('America/New_York')
    expect(ianaZone('America/Denver')).toBe('America/Denver')
  })
})
