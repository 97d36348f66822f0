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

// Instant ⇄ zone conversion is shared by the sandboxes, and tested there (and is not the worker's implementation).
export { formatInZone, isValidTimeZone, toWall } from '../../shared/zoned-time'
