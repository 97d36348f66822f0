/**
 * Aspire's date-times as the sandbox stores and emits them: `YYYY-MM-DDTHH:mm:ss`, no offset, branch-local
 * wall-clock time. Internally a wall-clock value is handled as "wall ms": the epoch ms the same digits
 * would mean in UTC, so date arithmetic never needs a zone.
 * @module
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/

/** Formats wall ms as Aspire's offset-less date-time. */
export const formatWall = (wallMs: number): string => new Date(wallMs).toISOString().slice(0, 19)

/**
 * Parses a date or date-time as wall ms. Fractions are dropped, and so is any `Z` or offset: stored values
 * carry no zone, so a literal such as `2025-11-01T00:00:00Z` is read as that wall-clock time (see README).
 */
export function parseWall(text: string): number | null {
  const m = DATE_TIME.exec(text.trim())
  if (!m) return null
  const [year, month, day, hour = '0', minute = '0', second = '0'] = m.slice(1).map((part) => part ?? '0')
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second))
  // Date.UTC rolls 2024-02-30 over to March; Aspire would reject it, and so do we.
  return Number.isNaN(ms) || formatWall(ms).slice(0, 10) !== `${year}-${month}-${day}` ? null : ms
}

/** Canonical form of a date or date-time text, or null when it is not one. */
export const normalizeDateTime = (text: string): string | null => {
  const ms = parseWall(text)
  return ms === null ? null : formatWall(ms)
}

export const startOfDay = (wall: string): string => `${wall.slice(0, 10)}T00:00:00`

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

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

/** An instant formatted as Aspire would store it for a branch in `timeZone`. */
export const formatInZone = (epochMs: number, timeZone: string): string => formatWall(toWall(epochMs, timeZone))

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}
