/**
 * How far back a changes pass must start so that no change is missed although Aspire stamps each record in its
 * branch's local wall-clock time (docs/vendors/aspire.md §4.3): one moment is `06:52` in Chicago and `05:52` in
 * Denver, so the Denver change made *after* a Chicago one sorts *before* it, and before a cursor taken from the
 * Chicago stamp.
 *
 * The bound. The cursor C is the largest stamp a pass saw (or a full pass's high-water mark, taken before it read
 * anything). Every stamp it saw was written by time R, the moment of that read, so C ≤ R + max offset. A change it
 * did not see was committed after R − lag (lag: stamps are set before a row commits), so its stamp is
 * ≥ R − lag + min offset. Starting at C − (max offset − min offset) − lag therefore misses nothing. Offsets are
 * taken over every branch zone, around the cursor (±2 days, which spans a DST change and the up-to-26 h error of
 * reading C as UTC) and now: a fall-back night moves one zone's own stamps back an hour, and that is in the spread.
 * When a zone is unknown (a branch without `TimeZone`, a name we cannot read, no branches readable) the spread is
 * the widest on Earth, UTC−12 to UTC+14.
 *
 * Why an overlap and not one cursor per branch: a cursor per branch costs a changes pass (a page and an end probe)
 * per branch per entity every run, and rows without a `BranchID` or stamped in the company zone would still need
 * this bound. The overlap costs re-reading the last few hours of changes (a six-hour US spread at a 2-minute cadence
 * is a small fraction of one 1,000-row page for most tenants), and those re-read rows cost no D1 write: each is
 * compared by its payload hash and an identical one is not written (`sync/write-page.ts`), which the
 * `zone-spread.integration.test.ts` proves. Zones are read live from `/Branches` (two small requests per step),
 * not from our synced branches: on a first sync or after a new branch the synced copy may be behind. In a step
 * that begins with the Branches stream's complete one-page read, those rows are the live read (`rememberBranchZones`):
 * no request of its own.
 * @module
 */
import { utcToLocal } from '../../util/zoned-time'
import { type AspireContext, listAspire } from './client'
import { aspireTimeZone } from './time-zone'
import type { AspireBranch } from './types'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A stamp is written a little before its row commits and becomes readable. */
export const COMMIT_LAG_MS = 5 * MINUTE
/** UTC−12 (Baker Island) to UTC+14 (Line Islands): the spread when any branch's zone is unknown. */
export const SAFE_SPREAD_MS = 26 * HOUR

const EPOCH = '1900-01-01T00:00:00'

/** The zone's UTC offset at an instant, in ms (Chicago in winter: −6 h). */
export function offsetAt(zone: string, instant: number): number {
  const iso = new Date(instant).toISOString()
  return Date.parse(`${utcToLocal(iso, zone)}Z`) - Math.floor(instant / 1000) * 1000
}

/** Widest difference of offsets between the zones (and within one zone across DST) at these instants. */
export function zoneSpreadMs(zones: readonly string[] | null, instants: readonly number[]): number {
  if (!zones || zones.length === 0) return SAFE_SPREAD_MS
  let min = Infinity
  let max = -Infinity
  for (const zone of zones) {
    for (const instant of instants) {
      const offset = offsetAt(zone, instant)
      if (offset < min) min = offset
      if (offset > max) max = offset
    }
  }
  return max - min
}

/** Where a changes pass starts: the cursor minus the tenant's zone spread and the commit lag. */
export function changesFrom(cursor: string | null, zones: readonly string[] | null, now: number): string {
  if (!cursor) return EPOCH
  const wall = Date.parse(`${cursor.slice(0, 19)}Z`)
  if (Number.isNaN(wall)) return EPOCH
  const around = [-2, -1, 0, 1, 2].map((days) => wall + days * DAY)
  const overlap = COMMIT_LAG_MS + zoneSpreadMs(zones, [...around, now])
  return new Date(wall - overlap).toISOString().slice(0, 19)
}

type BranchZone = Pick<AspireBranch, 'BranchID' | 'TimeZone'>

/** The IANA zone of each branch, or null when any is unknown (then only the safe spread is safe). */
function zonesOf(rows: readonly BranchZone[], into = new Set<string>()): Set<string> | null {
  for (const row of rows) {
    const zone = aspireTimeZone(row.TimeZone, '')
    if (!zone) return null
    into.add(zone)
  }
  return into
}

/** The IANA zone of every branch, or null when any is unknown (then only the safe spread is safe). */
async function readBranchZones(ctx: AspireContext): Promise<string[] | null> {
  const zones = new Set<string>()
  let afterId = 0
  for (;;) {
    const rows = await listAspire<BranchZone>(ctx, '/Branches', {
      filter: `BranchID gt ${afterId}`,
      orderby: 'BranchID asc',
      select: 'BranchID,TimeZone',
      limit: 1000,
      pageNumber: 1,
    })
    if (!zonesOf(rows, zones)) return null
    const lastId = Math.max(afterId, ...rows.map((r) => Number(r.BranchID)))
    // A page cut short must not hide a branch (and its zone): one probe confirms the end, as every pass does.
    const more = await listAspire<Pick<AspireBranch, 'BranchID'>>(ctx, '/Branches', { filter: `BranchID gt ${lastId}`, select: 'BranchID', limit: 1, pageNumber: 1 })
    if (!more.length) return zones.size ? [...zones] : null
    // An empty page while more exist cannot move on: better the safe spread than a guess.
    if (lastId === afterId) return null
    afterId = lastId
  }
}

// One read per step (the context and its http live for one step), shared by every stream that starts a pass in it.
const cache = new WeakMap<object, Promise<string[] | null>>()

/**
 * The Branches stream, first in every run (streams.ts), reads every branch complete (a page newest first that holds
 * every branch we hold, else confirmed by the end probe: entity-stream.ts, listPage). When that read was one page, its
 * rows are this step's zones: the changes passes after it need not read `/Branches` again.
 */
export function rememberBranchZones(ctx: AspireContext, rows: readonly BranchZone[]) {
  const zones = zonesOf(rows)
  cache.set(ctx.http, Promise.resolve(zones && zones.size ? [...zones] : null))
}

export function branchZones(ctx: AspireContext): Promise<string[] | null> {
  let zones = cache.get(ctx.http)
  if (!zones) {
    zones = readBranchZones(ctx)
    cache.set(ctx.http, zones)
    // A failed read is not remembered: the step's retry reads again.
    zones.catch(() => cache.delete(ctx.http))
  }
  return zones
}
