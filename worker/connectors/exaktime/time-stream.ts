/**
 * Time records from the warehouse. The warehouse is day-granular and refreshed nightly (docs/vendors/exaktime.md §3),
 * and ExakTime documents no modified-since filter, so there is no cursor to trust: each pass re-reads whole days,
 * from the sync start date on, and deletes by absence inside them (only a complete pass, only in its window).
 * Which days (cadence.ts, README "ExakTime, by cadence"):
 * - every cycle: the last `RECENT_DAYS` days, every day of a pay period still open, and every older day with time
 *   waiting for approval: the days whose time can still change (a closed period locks its days, §4);
 * - hourly, and at once after a settings change: the whole rolling window, `windowDays` back (deletions, a period
 *   reopened and edited);
 * - daily: older days holding only Quarantined Time.
 * The backfill walks 7-day slices (progress by day, and a go-live date years back costs no empty pages); a later
 * pass, a few weeks at most, is one keyset walk by record id. So local stamps in several zones (issue #18) cannot
 * hide a change: no pass starts from a vendor stamp, the windows are whole days wide, and the other ExakTime cursors
 * (cadence.ts) are our own UTC clock.
 *
 * With `finalizedOnly`, time that is not final yet is held back and counted; the count becomes the
 * stream's notice, and the oldest day with time waiting for approval keeps every cycle's window open until it is
 * final. Time in Quarantined Time does not: it waits for a person to accept it in ExakTime, not for the warehouse, and a
 * few such records in old, closed weeks made every cycle re-read half a year (bench/README.md). Those days are
 * re-read once a day (the warehouse itself refreshes only nightly, §3); in between, their count is carried over.
 * @module
 */
import { z } from 'zod'
import type { Stream, StreamPage, StreamState } from '../../sync/connector'
import { isDue, settingsFingerprint } from './cadence'
import { HOURLY_MS, RECENT_DAYS } from './intervals'
import { type ExakTimeContext, odata, odataAll } from './client'
import { acceptedApprovals, finalityJudge, needsApprovals } from './finality'
import { mapTimeRecord } from './map/time-record'
import { timeNotice } from './notice'
import type { ExakTimeCredentials, ExakTimeSettings } from './settings'
import { DW_FIELDS, DW_SETS, type DwApproval, type DwPayPeriod, type DwTimeRecord } from './types'
import { addDays, daysBetween, localDate } from './dates'

const SLICE_DAYS = 7
const T = DW_FIELDS.time
const A = DW_FIELDS.approvals
const P = DW_FIELDS.payPeriods

/** A calendar day, YYYY-MM-DD (kept as loose as the type: a stricter schema would discard good checkpoints). */
const day = z.string()
const count = z.number()
const checkpointSchema = z.object({
  from: day,
  to: day,
  sliceStart: day,
  /** The first day with time in the window, where progress counts from. */
  firstDay: day,
  afterId: z.number(),
  waiting: count,
  quarantined: count,
  /** Quarantined records per work day counted by this pass. */
  quarantinedDays: z.record(day, count).default({}),
  /** The last count of the quarantined days before the window, which this pass does not read. */
  carriedQuarantine: z.record(day, count).default({}),
  /** The day the quarantined days were last read: today when this pass reaches back to them. */
  quarantineReadOn: day.nullable().default(null),
  pendingFrom: day.nullable(),
  /** The newest work date seen this pass, for the as-of notice (a checkpoint from before it existed starts at null). */
  newestDay: day.nullable().default(null),
  /**
   * The pay periods overlapping the window, read once when the pass starts rather than once per page (they were
   * half of a no-change cycle's requests: bench/README.md). Null in a checkpoint from before: read on the next page.
   */
  periods: z.array(z.object({ PayPeriodId: z.number(), StartDate: z.string(), EndDate: z.string(), IsClosed: z.boolean() })).nullable().default(null),
  /** The window is one keyset walk by id, not 7-day slices (a pass after the backfill: its window is short). */
  oneSlice: z.boolean().default(false),
  /** What the cursor says when this pass completes: the last whole-window pass and its settings (cadence.ts). */
  full: z.object({ readAt: z.iso.datetime().nullable(), settings: z.string().nullable() }).default({ readAt: null, settings: null }),
})
type Checkpoint = z.infer<typeof checkpointSchema>

/**
 * What survives between passes: the oldest day with time waiting for approval, and the quarantined records per day
 * with the day they were last read. A cursor from before the quarantine fields counted quarantined days into
 * `pendingFrom`, so its next pass reads them and fills the fields in.
 */
const cursorSchema = z.object({
  pendingFrom: day.nullable(),
  quarantinedDays: z.record(day, count).default({}),
  quarantineReadOn: day.nullable().default(null),
  /** When the last pass over the whole rolling window started, and the settings it ran with (null: never, so now). */
  full: z.object({ readAt: z.iso.datetime().nullable(), settings: z.string().nullable() }).default({ readAt: null, settings: null }),
})
type Cursor = z.infer<typeof cursorSchema>

const NO_CURSOR: Cursor = { pendingFrom: null, quarantinedDays: {}, quarantineReadOn: null, full: { readAt: null, settings: null } }

/** An unreadable cursor only narrows the next window to the usual rolling days: never worth failing a run. */
const readCursor = (cursor: string | null): Cursor => {
  try {
    return (cursor && cursorSchema.safeParse(JSON.parse(cursor)).data) || NO_CURSOR
  } catch {
    return NO_CURSOR
  }
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)

const timeZoneOf = (ctx: ExakTimeContext) => ctx.settings.timeZone ?? ctx.orgTimeZone
const minDate = (...dates: Array<string | null | undefined>) => dates.filter((d): d is string => !!d).sort()[0] ?? null
const maxDate = (...dates: Array<string | null | undefined>) => dates.filter((d): d is string => !!d).sort().at(-1) ?? null

/** The settings that decide what the time stream stores: a change makes the next pass cover the whole window. */
const timeSettings = (s: ExakTimeSettings) => ({
  syncStartDate: s.syncStartDate,
  finalizedOnly: s.finalizedOnly,
  approvalLevel: s.approvalLevel,
  jobSource: s.jobSource,
  windowDays: s.windowDays,
  timeZone: s.timeZone ?? null,
})

async function startPass(ctx: ExakTimeContext, state: StreamState): Promise<Checkpoint> {
  const today = localDate(ctx.now, timeZoneOf(ctx))
  const { syncStartDate, windowDays } = ctx.settings
  const cursor = readCursor(state.cursor)
  const oldestQuarantined = minDate(...Object.keys(cursor.quarantinedDays))
  const fingerprint = await settingsFingerprint(timeSettings(ctx.settings))
  const wholeWindow = !state.backfilled || isDue({ readAt: cursor.full.readAt, settings: cursor.full.settings }, ctx.now, HOURLY_MS, fingerprint)
  let from = syncStartDate
  let periods: DwPayPeriod[] | null = null
  if (state.backfilled) {
    // Every cycle: the last RECENT_DAYS, every day of a pay period still open, and every day with time waiting for
    // approval: what can still change. Days of a closed pay period cannot be edited (§4, *documented*; the stand-in
    // answers 409 too), so the rest of the rolling window is re-read hourly (deletions, a reopened period's edits)
    // and old days holding only quarantined time daily. A settings change reads the whole window at once.
    const quarantineDue = cursor.quarantineReadOn !== today
    const held = minDate(cursor.pendingFrom, quarantineDue ? oldestQuarantined : null)
    const windowFrom = addDays(today, -windowDays)
    // The pay periods of the widest window this pass may read: which are still open decides where it starts, and the
    // same list judges its time (read once per pass, not per page: bench/README.md).
    periods = await periodsBetween(ctx, maxDate(minDate(windowFrom, held), syncStartDate)!, today)
    const oldestOpen = minDate(...periods.filter((p) => !p.IsClosed).map((p) => p.StartDate.slice(0, 10)))
    const recent = wholeWindow ? windowFrom : maxDate(windowFrom, minDate(addDays(today, -RECENT_DAYS), oldestOpen))!
    from = maxDate(minDate(recent, held), syncStartDate)!
  }
  const readsQuarantine = oldestQuarantined === null || from <= oldestQuarantined
  const carriedQuarantine = Object.fromEntries(Object.entries(cursor.quarantinedDays).filter(([d]) => d < from))
  // No load watermark is read (§13 C4: `DwLoadedAt` was our sandbox's invention, in no source, and a real warehouse
  // would answer 400 to it). None is needed: every pass re-reads whole days of work dates and deletes by absence
  // inside them, so a nightly refresh that rewrote any of those days is caught by re-reading, not by a stamp;
  // changed rows are told apart by the engine's content hash on upsert. The stamp's only other use, the as-of
  // notice, now comes from the newest work date the pass sees (see notice.ts).
  const cp: Checkpoint = {
    from,
    to: today,
    sliceStart: from,
    firstDay: from,
    afterId: 0,
    waiting: 0,
    quarantined: 0,
    quarantinedDays: {},
    carriedQuarantine,
    quarantineReadOn: readsQuarantine ? today : cursor.quarantineReadOn,
    pendingFrom: null,
    newestDay: null,
    periods,
    oneSlice: state.backfilled,
    full: wholeWindow ? { readAt: new Date(ctx.now).toISOString(), settings: fingerprint } : cursor.full,
  }
  // After the backfill the window is a few weeks: one keyset walk by id, with no request to find its first day.
  if (state.backfilled) return cp
  // A go-live date years back would otherwise mean hundreds of empty slices: start at the first day with time.
  const first = (await nextWorkDate(ctx, cp, from, true)) ?? addDays(today, 1)
  return { ...cp, sliceStart: first, firstDay: first }
}

/**
 * Whether each pay period is closed, as the warehouse holds it. A period that closes while a pass is under way is
 * seen by the next pass: its time is re-read then, because waiting time keeps the window open (`pendingFrom`).
 */
async function periodsBetween(ctx: ExakTimeContext, from: string, to: string): Promise<DwPayPeriod[]> {
  const periods = await odataAll<DwPayPeriod>(ctx, DW_SETS.payPeriods, { filter: `${P.end} ge ${from} and ${P.start} le ${to}`, orderby: P.id })
  return periods.map(({ PayPeriodId, StartDate, EndDate, IsClosed }) => ({ PayPeriodId, StartDate, EndDate, IsClosed }))
}

/** The first day with time on or after (or strictly after) `date`, up to the end of the window. */
async function nextWorkDate(ctx: ExakTimeContext, cp: Checkpoint, date: string, inclusive: boolean): Promise<string | null> {
  // Whole rows: $select would add a guessed name to the request for no gain on one row (types.ts DW_FIELDS).
  const [row] = await odata<DwTimeRecord>(ctx, DW_SETS.time, { filter: `${T.workDate} ${inclusive ? 'ge' : 'gt'} ${date} and ${T.workDate} le ${cp.to}`, orderby: T.workDate, top: 1 })
  return row ? row.WorkDate.slice(0, 10) : null
}

/**
 * The finality of a page's records, with one approvals lookup over the days of the records approvals could change
 * (finality.ts `needsApprovals`): none for a page of closed weeks, which is most of the window an hourly pass reads.
 */
async function judgeFor(ctx: ExakTimeContext, records: DwTimeRecord[], periods: DwPayPeriod[]) {
  const dates = records.filter(needsApprovals(periods)).map((r) => r.WorkDate.slice(0, 10)).sort()
  if (!dates.length) return finalityJudge(ctx.settings.approvalLevel, [], periods)
  const first = dates[0]!
  const last = dates.at(-1)!
  const types = acceptedApprovals(ctx.settings.approvalLevel).map((t) => `${A.type} eq '${t}'`).join(' or ')
  const approvals = await odataAll<DwApproval>(ctx, DW_SETS.approvals, { filter: `${A.workDate} ge ${first} and ${A.workDate} le ${last} and (${types})`, orderby: A.id })
  return finalityJudge(ctx.settings.approvalLevel, approvals, periods)
}

async function page(ctx: ExakTimeContext, cp: Checkpoint): Promise<StreamPage<Checkpoint>> {
  const sliceEnd = cp.oneSlice ? cp.to : minDate(addDays(cp.sliceStart, SLICE_DAYS - 1), cp.to)!
  const inSlice = `${T.workDate} ge ${cp.sliceStart} and ${T.workDate} le ${sliceEnd}`
  const size = ctx.settings.pageSize
  const records = await odata<DwTimeRecord>(ctx, DW_SETS.time, { filter: `${inSlice} and ${T.id} gt ${cp.afterId}`, orderby: T.id, top: size })
  const periods = cp.periods ?? (records.length ? await periodsBetween(ctx, cp.from, cp.to) : null)
  const judge = records.length ? await judgeFor(ctx, records, periods!) : () => 'final' as const
  const rows = []
  const next = { ...cp, periods, quarantinedDays: { ...cp.quarantinedDays } }
  for (const r of records) {
    const finality = judge(r)
    const workDay = r.WorkDate.slice(0, 10)
    next.newestDay = maxDate(next.newestDay, workDay)
    if (finality === 'quarantined') {
      next.quarantined++
      next.quarantinedDays[workDay] = (next.quarantinedDays[workDay] ?? 0) + 1
    } else if (finality === 'waiting') {
      next.pendingFrom = minDate(next.pendingFrom, workDay)
      next.waiting++
    }
    if (finality !== 'final' && ctx.settings.finalizedOnly) continue
    rows.push(mapTimeRecord(r, { jobSource: ctx.settings.jobSource, timeZone: timeZoneOf(ctx), final: finality === 'final' }))
  }
  const lastId = records.at(-1)?.TimeRecordId ?? cp.afterId
  const result: StreamPage<Checkpoint> = { upserts: [{ table: 'timeEntries', rows }], seen: rows.map((r) => r.externalId), checkpoint: null }
  // A short page normally ends the slice; a page cut short in transit must not, or the rest of the slice
  // would look deleted. One cheap probe tells them apart.
  const sliceDone = records.length < size && !(await odata<DwTimeRecord>(ctx, DW_SETS.time, { filter: `${inSlice} and ${T.id} gt ${lastId}`, top: 1 })).length
  const nextSlice = sliceDone && sliceEnd < cp.to ? await nextWorkDate(ctx, cp, sliceEnd, false) : null
  let resumeAt: Checkpoint
  if (!sliceDone) {
    resumeAt = { ...next, afterId: lastId }
  } else if (nextSlice) {
    resumeAt = { ...next, sliceStart: nextSlice, afterId: 0 }
  } else {
    result.deletionScope = { table: 'timeEntries', since: { column: 'work_date', value: cp.from } }
    const quarantinedDays = { ...next.carriedQuarantine, ...next.quarantinedDays }
    result.cursor = JSON.stringify({ pendingFrom: next.pendingFrom, quarantinedDays, quarantineReadOn: next.quarantineReadOn, full: next.full } satisfies Cursor)
    result.notice = timeNotice({
      waiting: next.waiting,
      quarantined: sum(quarantinedDays),
      finalizedOnly: ctx.settings.finalizedOnly,
      approvalLevel: ctx.settings.approvalLevel,
      newestDay: next.newestDay,
      today: cp.to,
    })
    return result
  }
  result.checkpoint = resumeAt
  const total = daysBetween(cp.firstDay, cp.to) + 1
  result.progress = Math.min(1, Math.max(0, daysBetween(cp.firstDay, resumeAt.sliceStart) / total))
  return result
}

export const timeStream = (): Stream<ExakTimeCredentials, ExakTimeSettings, Checkpoint> => ({
  name: 'TimeRecords',
  label: 'Time entries',
  checkpointSchema,
  async nextPage(ctx: ExakTimeContext, state: StreamState<Checkpoint>) {
    const cp = state.checkpoint ?? (await startPass(ctx, state))
    if (cp.from > cp.to) {
      // The sync start date is still ahead: nothing to import yet, and nothing to delete.
      return { upserts: [], checkpoint: null, cursor: state.cursor, notice: null }
    }
    return page(ctx, cp)
  },
})
