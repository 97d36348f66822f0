/**
 * Wall-clock times without an offset (as Aspire and Buildertrend send them) to UTC instants, in a given
 * IANA time zone, DST included.
 * @module
 */
import { digitsAt, isCalendarDate, utcMsOf } from './calendar'

const formatters = new Map<string, Intl.DateTimeFormat>()

/** `Date.UTC` that means years 0–99 literally (`Date.UTC` reads them as 1900–1999). */
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
  // Years before 1 AD come as "1 BC" (year 0): near .NET's DateTime.MinValue the zone's offset crosses into it.
  const year = parts.era === 'BC' ? 1 - +parts.year! : +parts.year!
  const asUtc = wallMs(year, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!)
  return asUtc - Math.floor(utcMs / 1000) * 1000
}

// Mappers ask once per record (a branch's zone on every time entry): building an Intl formatter each time was most of
// an Aspire backfill's mapping cost. Vendor text, so the cache is bounded.
const zoneValidity = new Map<string, boolean>()

export function isValidTimeZone(timeZone: string): boolean {
  const known = zoneValidity.get(timeZone)
  if (known !== undefined) return known
  let valid: boolean
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    valid = true
  } catch {
    valid = false
  }
  if (zoneValidity.size > 1000) zoneValidity.clear()
  zoneValidity.set(timeZone, valid)
  return valid
}

// Offsets change only at DST transitions (on the hour), so one lookup serves every time in a local hour.
// Intl is slow; a backfill converts hundreds of thousands of times. Per zone, by local hour (ms / 3600000).
const hourOffsets = new Map<string, Map<number, HourOffset>>()
let cachedHours = 0

interface HourOffset {
  offset: number
  /**
   * The UTC instant's `toISOString()` up to its hour (`2026-06-12T12:`) when the offset is whole hours (so minutes
   * and seconds are the wall clock's) and the year has four digits; null otherwise. Worked out on first use.
   */
  utcHourPrefix?: string | null
}

function hourOffset(wall: number, timeZone: string): HourOffset {
  let hours = hourOffsets.get(timeZone)
  const hour = Math.floor(wall / 3600_000)
  let entry = hours?.get(hour)
  if (entry === undefined) {
    // Two passes settle the offset across a DST change.
    entry = { offset: offsetMs(wall - offsetMs(wall, timeZone), timeZone) }
    if (cachedHours > 50_000) {
      hourOffsets.clear()
      cachedHours = 0
      hours = undefined
    }
    if (!hours) hourOffsets.set(timeZone, (hours = new Map()))
    hours.set(hour, entry)
    cachedHours++
  }
  return entry
}

const wallToUtc = (wall: number, timeZone: string) => wall - hourOffset(wall, timeZone).offset

function utcHourPrefix(entry: HourOffset, wall: number): string | null {
  if (entry.utcHourPrefix === undefined) {
    const iso = new Date(wall - entry.offset).toISOString()
    entry.utcHourPrefix = entry.offset % 3600_000 === 0 && iso.length === 24 ? iso.slice(0, 14) : null
  }
  return entry.utcHourPrefix
}

const at = (text: string, i: number, char: number) => text.charCodeAt(i) === char
const DASH = 45
const COLON = 58
const T = 84
const SPACE = 32

/**
 * {@link tryLocalToUtcIso} for `YYYY-MM-DDTHH:mm:ss` (or a space for the T), what Aspire sends: read by character
 * and written from the hour's cached prefix. `undefined` for any other shape, left to the general path.
 */
function fastLocalToUtcIso(local: string, timeZone: string): string | null | undefined {
  if (local.length !== 19 || !at(local, 4, DASH) || !at(local, 7, DASH) || !(at(local, 10, T) || at(local, 10, SPACE)) || !at(local, 13, COLON) || !at(local, 16, COLON)) return undefined
  const year = digitsAt(local, 0, 4)
  const month = digitsAt(local, 5, 2)
  const day = digitsAt(local, 8, 2)
  const hour = digitsAt(local, 11, 2)
  const minute = digitsAt(local, 14, 2)
  const second = digitsAt(local, 17, 2)
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null
  const wall = utcMsOf(year, month, day, hour, minute, second)
  try {
    const entry = hourOffset(wall, timeZone)
    const prefix = utcHourPrefix(entry, wall)
    return prefix === null ? new Date(wall - entry.offset).toISOString() : `${prefix}${local.slice(14)}.000Z`
  } catch {
    // An unknown zone: Intl throws, as on the general path.
    return null
  }
}

/** `2026-06-12T07:00:00` in `America/Chicago` → `2026-06-12T12:00:00.000Z`. Values with an offset are kept as they are. */
export function localToUtcIso(local: string, timeZone: string): string {
  if (/(Z|[+-]\d\d:?\d\d)$/.test(local)) return new Date(local).toISOString()
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?$/.exec(local)
  if (!m) throw new Error(`not a local date-time: ${local}`)
  const wall = wallMs(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))
  return new Date(wallToUtc(wall, timeZone)).toISOString()
}

/**
 * {@link localToUtcIso} for values from outside: null instead of an exception for anything that is not a real
 * wall-clock time (`2026-02-30T07:00:00`, `2026-05-04T25:61:00`, free text), so one bad value never stops a sync.
 */
export function tryLocalToUtcIso(local: string | null | undefined, timeZone: string): string | null {
  if (typeof local !== 'string') return null
  const fast = fastLocalToUtcIso(local, timeZone)
  if (fast !== undefined) return fast
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?/.exec(local)
  if (!m) return null
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number, number]
  const probe = new Date(wallMs(year, month - 1, day, 0, 0, 0))
  // Date rolls impossible values over (Feb 30 → Mar 2); a real date reads back unchanged.
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null
  if (hour > 23 || minute > 59 || second > 59) return null
  try {
    return localToUtcIso(local, timeZone)
  } catch {
    return null
  }
}

/** The inverse: a UTC instant as wall-clock time (`YYYY-MM-DDTHH:mm:ss`, no offset) in a time zone. */
export function utcToLocal(iso: string, timeZone: string): string {
  const ms = Date.parse(iso)
  return new Date(ms + offsetMs(ms, timeZone)).toISOString().slice(0, 19)
}
