import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tryLocalToUtcIso } from './zoned-time'

// The implementation before the character-reading fast path (#16), kept as the reference it must match exactly.
const reference = (() => {
  const formatters = new Map<string, Intl.DateTimeFormat>()
  function wallMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
    const date = new Date(Date.UTC(2000, month, day, hour, minute, second))
    date.setUTCFullYear(year, month, day)
    return date.getTime()
  }
  function offsetMs(utcMs: number, timeZone: string): number {
    let formatter = formatters.get(timeZone)
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      formatters.set(timeZone, formatter)
    }
    const parts = Object.fromEntries(formatter.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]))
    const year = parts.era === 'BC' ? 1 - +parts.year! : +parts.year!
    const asUtc = wallMs(year, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!)
    return asUtc - Math.floor(utcMs / 1000) * 1000
  }
  const hourOffsets = new Map<string, number>()
  function wallToUtc(wall: number, timeZone: string): number {
    const key = `${timeZone}|${Math.floor(wall / 3600_000)}`
    let offset = hourOffsets.get(key)
    if (offset === undefined) {
      offset = offsetMs(wall - offsetMs(wall, timeZone), timeZone)
      if (hourOffsets.size > 50_000) hourOffsets.clear()
      hourOffsets.set(key, offset)
    }
    return wall - offset
  }
  function localToUtcIso(local: string, timeZone: string): string {
    if (/(Z|[+-]\d\d:?\d\d)$/.test(local)) return new Date(local).toISOString()
    const m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?$/.exec(local)
    if (!m) throw new Error(`not a local date-time: ${local}`)
    const wall = wallMs(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))
    return new Date(wallToUtc(wall, timeZone)).toISOString()
  }
  return function tryLocalToUtcIso(local: string | null | undefined, timeZone: string): string | null {
    if (typeof local !== 'string') return null
    const m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?/.exec(local)
    if (!m) return null
    const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number, number]
    const probe = new Date(wallMs(year, month - 1, day, 0, 0, 0))
    if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null
    if (hour > 23 || minute > 59 || second > 59) return null
    try {
      return localToUtcIso(local, timeZone)
    } catch {
      return null
    }
  }
})()

// DST zones, whole-hour, half-hour and 45-minute offsets, a 30-minute DST (Lord Howe), a zone that skipped a day
// (Apia, 2011-12-30), local mean time with seconds before 1883, and unknown zones.
const ZONES = ['America/Chicago', 'America/New_York', 'America/Phoenix', 'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Apia', 'Asia/Tokyo', 'Europe/London', 'UTC', 'Narnia', '']

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** Wall-clock strings as vendors send them, near DST changes and calendar edges, plus malformed ones. */
const wallClock = fc
  .record({
    year: fc.oneof(fc.integer({ min: 2010, max: 2030 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 99, 100, 1850, 1883, 1900, 2011, 2100)),
    month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 2, 3, 4, 10, 11, 13, 99)),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constantFrom(0, 1, 7, 8, 29, 30, 31, 32)),
    hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 1, 2, 3, 23, 24, 25, 99)),
    minute: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constantFrom(0, 30, 59, 60)),
    second: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constantFrom(0, 59, 60)),
    separator: fc.constantFrom('T', 'T', ' ', 't', '_'),
    tail: fc.constantFrom('', '', '', '.000', '.5', 'Z', '+02:00', '-0530', '+99:99', 'x', ':00'),
  })
  .map(({ year, month, day, hour, minute, second, separator, tail }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${separator}${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${tail}`)

const malformed = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.constantFrom('2026-06-12', '2026-06-12T07:00', '2026-6-12T07:00:00', '２０２６-06-12T07:00:00', '2026-06-12T07:00:0a', ' 2026-06-12T07:00:0', '+02026-06-12T07:0'),
)

describe('tryLocalToUtcIso against the implementation before #16', () => {
  it('should give the same answer for spring-forward gaps, fall-back overlaps, invalid dates and the BC edge', () => {
    const cases = [
      ['2026-03-08T02:30:00', 'America/Chicago'],
      ['2026-11-01T01:30:00', 'America/Chicago'],
      ['2026-11-01T01:00:00', 'America/New_York'],
      ['2026-10-04T02:15:00', 'Australia/Lord_Howe'],
      ['2011-12-30T12:00:00', 'Pacific/Apia'],
      ['1850-06-01T12:00:00', 'America/Chicago'],
      ['0001-01-01T00:00:00', 'Asia/Tokyo'],
      ['0000-01-01T00:00:00', 'Asia/Tokyo'],
      ['0000-02-29T00:00:00', 'UTC'],
      ['9999-12-31T23:59:59', 'Asia/Tokyo'],
      ['9999-12-31T23:59:59', 'America/Chicago'],
      ['2026-02-29T07:00:00', 'UTC'],
      ['2026-06-12 07:00:00', 'Asia/Kolkata'],
      ['2026-06-12T07:00:00', 'Narnia'],
    ] as const
    for (const [local, zone] of cases) expect(tryLocalToUtcIso(local, zone), `${local} ${zone}`).toBe(reference(local, zone))
  })

  it('should give the same answer for any wall-clock text in any zone', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: wallClock }, { weight: 1, arbitrary: malformed }), fc.constantFrom(...ZONES), (local, zone) => {
        expect(tryLocalToUtcIso(local, zone)).toBe(reference(local, zone))
      }),
      { numRuns: 20_000 },
    )
  })
})
