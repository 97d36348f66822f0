/**
 * Instants ⇄ wall-clock times in an IANA zone, for the sandboxes. Deliberately its own code and not the
 * worker's `worker/util/zoned-time.ts`: a sandbox checks the connectors' conversions, and one shared
 * implementation would let a DST bug pass on both sides. Wall-clock values are handled as "wall ms": the
 * epoch ms the same digits would mean in UTC.
 * @module
 */

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The wall ms of an instant as seen in an IANA zone. */
export function toWall(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts
  return Date.UTC(year, month - 1, day, hour, minute, second)
}

/** An instant as `YYYY-MM-DDTHH:mm:ss` wall-clock time in `timeZone`. */
export const formatInZone = (epochMs: number, timeZone: string): string => new Date(toWall(epochMs, timeZone)).toISOString().slice(0, 19)

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

const DAY_MS = 86_400_000
const SLOT_MS = 15 * 60_000

// Zones change offset on a quarter hour of UTC (every offset in use is a whole number of quarter hours
// from the hour), so one Intl lookup serves a whole slot; generating a tenant converts tens of thousands
// of times and Intl is slow.
const slotOffsets = new Map<string, number>()

/** The zone's offset (wall − UTC, ms) at an instant. */
function offsetAt(epochMs: number, timeZone: string): number {
  const slot = Math.floor(epochMs / SLOT_MS) * SLOT_MS
  const key = `${timeZone}|${slot}`
  let offset = slotOffsets.get(key)
  if (offset === undefined) {
    offset = toWall(slot, timeZone) - slot
    if (slotOffsets.size > 100_000) slotOffsets.clear()
    slotOffsets.set(key, offset)
  }
  return offset
}

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:mm[:ss]`) names in `timeZone`. Tries the offsets in force
 * a day either side (no zone changes twice within two days), keeping those that read back as the same
 * wall time. A time repeated when clocks go back is the earlier instant; a time skipped when they go
 * forward is read with the offset from before the gap, so it lands that far past it (02:30 on a spring-
 * forward night in Chicago is 03:30 CDT), as Temporal's "compatible" disambiguation does.
 */
export function wallToEpoch(wall: string, timeZone: string): number {
  const wallMs = Date.parse(`${wall}Z`)
  if (Number.isNaN(wallMs)) throw new RangeError(`Not a wall-clock time: '${wall}'.`)
  const before = offsetAt(wallMs - DAY_MS, timeZone)
  const after = offsetAt(wallMs + DAY_MS, timeZone)
  const matches = [wallMs - before, wallMs - after].filter((epoch) => epoch + offsetAt(epoch, timeZone) === wallMs)
  return matches.length ? Math.min(...matches) : wallMs - before
}
