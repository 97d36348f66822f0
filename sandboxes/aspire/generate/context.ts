/**
 * Shared state of one generation run. All times are wall ms (see time/local-time.ts); `stamp` formats them
 * and interns the strings, since 250k rows share a few thousand distinct minutes.
 * @module
 */
import type { TenantConfig } from '../tenant/config'
import type { TenantData, TenantExtras } from '../tenant/tenant-data'
import { DAY, formatWall, parseWall } from '../time/local-time'
import type { TimeZoneNames } from '../time/zones'
import type { Rng } from '../../shared/prng'
import type { SizeSpec } from './sizes'

export interface GenContext {
  rng: Rng
  size: SizeSpec
  data: TenantData
  extras: TenantExtras
  config: TenantConfig
  companyZone: string
  timeZoneNames: TimeZoneNames
  /** Explicit IANA zones of the first branches (may be empty). */
  branchZones: readonly string[]
  /** 00:00 of the anchor date; generated history ends the day before. */
  anchor: number
  /** 00:00 of each weekday (Mon–Fri) in the history window, oldest first. */
  workdays: number[]
  /** Nothing generated happens at or after this instant. */
  horizon: number
  stamp(wallMs: number): string
  /** A stamp, or null when the event would still be in the future. */
  pastStamp(wallMs: number): string | null
}

export function createContext(input: Omit<GenContext, 'anchor' | 'workdays' | 'horizon' | 'stamp' | 'pastStamp'> & { anchorDate: string }): GenContext {
  const anchor = parseWall(input.anchorDate)
  if (anchor === null) throw new Error(`Invalid anchor date ${input.anchorDate}`)
  const workdays: number[] = []
  for (let day = anchor - input.size.days * DAY; day < anchor; day += DAY) {
    const weekday = new Date(day).getUTCDay()
    if (weekday !== 0 && weekday !== 6) workdays.push(day)
  }
  // 20:00 the evening before the anchor: earlier than "now" in every US zone on the anchor date.
  const horizon = anchor - 4 * 60 * 60 * 1000
  // Keyed by whole seconds since the anchor: small integers hash much faster than epoch-ms doubles.
  const interned = new Map<number, string>()
  const stamp = (wallMs: number) => {
    const key = (wallMs - anchor) / 1000
    let text = interned.get(key)
    if (text === undefined) {
      text = formatWall(wallMs)
      interned.set(key, text)
    }
    return text
  }
  const { anchorDate: _anchorDate, ...rest } = input
  return { ...rest, anchor, workdays, horizon, stamp, pastStamp: (wallMs) => (wallMs < horizon ? stamp(wallMs) : null) }
}

export const round2 = (value: number) => Math.round(value * 100) / 100

/** Rounds wall ms down to the minute (Aspire's time entry screens work in minutes). */
export const toMinute = (wallMs: number) => Math.floor(wallMs / 60_000) * 60_000
