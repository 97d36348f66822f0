/**
 * Wall-clock times without an offset (as Aspire and Buildertrend send them) to UTC instants, in a given
 * IANA time zone, DST included.
 * @module
 */
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
// Intl is slow; a backfill converts hundreds of thousands of times.
const hourOffsets = new Map<string, number>()

function wallToUtc(wall: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(wall / 3600_000)}`
  let offset = hourOffsets.get(key)
  if (offset === undefined) {
    // Two passes settle the offset across a DST change.
    offset = offsetMs(wall - offsetMs(wall, timeZone), timeZone)
    if (hourOffsets.size > 50_000) hourOffsets.clear()
    hourOffsets.set(key, offset)
  }
  return wall - offset
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
