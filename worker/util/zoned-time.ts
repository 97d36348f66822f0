/**
 * Wall-clock times without an offset (as Aspire and Buildertrend send them) to UTC instants, in a given
 * IANA time zone, DST included.
 * @module
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

function offsetMs(utcMs: number, timeZone: string): number {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    formatters.set(timeZone, formatter)
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]))
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!)
  return asUtc - Math.floor(utcMs / 1000) * 1000
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
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
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))
  return new Date(wallToUtc(wall, timeZone)).toISOString()
}

/** The inverse: a UTC instant as wall-clock time (`YYYY-MM-DDTHH:mm:ss`, no offset) in a time zone. */
export function utcToLocal(iso: string, timeZone: string): string {
  const ms = Date.parse(iso)
  return new Date(ms + offsetMs(ms, timeZone)).toISOString().slice(0, 19)
}
