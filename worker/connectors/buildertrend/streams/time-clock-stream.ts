/**
 * Time clock shifts → time entries, workers, wages and cost codes, over the rolling window
 * (window.ts), page by page of `POST /api/TimeClock/Grid?gridType=29` sorted by date.
 *
 * - A date-range query that answers nothing is re-asked for all time and filtered here: a saved view on
 *   the account can swallow range filters (docs/vendors/buildertrend.md §4).
 * - Deletions are inferred only when the pass read as many rows as the grid said it holds; a short pass
 *   (rows added or removed mid-pass, a truncated page) deletes nothing and the next sync tries again.
 * - An HTTP 500 on the first page means the company doesn't use the Time Clock: the stream ends with a
 *   notice instead of failing the run. Later in a pass a 500 is an outage and resumes from the checkpoint.
 * @module
 */
import { z } from 'zod'
import type { CanonicalRow, Stream, StreamPage, StreamState } from '../../../sync/connector'
import { VendorError } from '../../../sync/vendor-error'
import { type BtContext, btApi } from '../client'
import { costCodesOf, wagesOf, workersOf } from '../map/people'
import { mapShift, workDateOf } from '../map/shifts'
import type { BuildertrendCredentials, BuildertrendSettings } from '../settings'
import type { BtGridPage, BtShiftRow } from '../types'
import { syncWindow, zoneOf } from '../window'
import { listJobs } from './job-list'

/** A calendar day, YYYY-MM-DD (kept as loose as the type: a stricter schema would discard good checkpoints). */
const day = z.string()
const checkpointSchema = z.object({
  start: day,
  end: day,
  page: z.number(),
  allTime: z.boolean(),
  jobIds: z.array(z.number()),
  received: z.number(),
  /** Rows inside the window so far: tells a swallowed range filter from a window that is really empty. */
  inWindow: z.number(),
  /** User/rate pairs already dated in this pass (absent in checkpoints saved before it existed). */
  wagesDated: z.array(z.string()).optional(),
})
type Checkpoint = z.infer<typeof checkpointSchema>

const ALL_TIME = 2147483647

/**
 * The column ids the web app's Time Clock view sends (BOS-TC l.265; docs/vendors/buildertrend.md §16.7). What each
 * means is published nowhere; with these the rows carry every field map/shifts.ts reads (BOS-RAW).
 */
export const TIME_CLOCK_COLUMNS = ['1', '2', '11', '3', '4', '5', '40', '6', '7', '9', '29', '46', '24', '23', '39', '10']
/** BOS-TC sorts by column `'1'`, read as the shift date (*assumed*: its meaning is unpublished). */
export const SORT_BY_DATE = '1'

export const UNUSED_TIME_CLOCK =
  "Buildertrend answered an error for the Time Clock, which happens when a company doesn't use it. Time entries were not updated; if your crews do clock in, contact support."
export const DATE_FILTER_IGNORED =
  'Buildertrend returned nothing for the date range (a saved view on the account can cause this), so all time clock history was read and filtered here. Syncs are slower until that view is removed.'

function gridBody(cp: Checkpoint, pageSize: number) {
  const date = cp.allTime ? { SelectedValue: ALL_TIME, StartDate: null, EndDate: null } : { SelectedValue: 0, StartDate: `${cp.start}T00:00:00`, EndDate: `${cp.end}T00:00:00` }
  return {
    gridRequest: { hideMultiJobsColumns: false, selectedColumns: TIME_CLOCK_COLUMNS, sortColumn: SORT_BY_DATE, sortDirection: 'asc', hasFooter: false, emptyStateEntity: 19, savedViewId: -1 },
    // 1-based rows, and the page size as the total, as the web app sends them (BOS-TC l.272–280).
    pagingData: { pageNumber: String(cp.page), pageSize, resetScroll: false, firstRow: (cp.page - 1) * pageSize + 1, lastRow: cp.page * pageSize, totalRowsAllPages: pageSize, currentPage: cp.page },
    filters: JSON.stringify({ '12': JSON.stringify(date) }),
    jobIds: cp.jobIds,
    includeGeneralJobItems: true,
  }
}

const readGrid = (ctx: BtContext, cp: Checkpoint) => btApi<BtGridPage<BtShiftRow>>(ctx, '/api/TimeClock/Grid?gridType=29', gridBody(cp, ctx.settings.pageSize))

async function firstCheckpoint(ctx: BtContext, state: StreamState): Promise<Checkpoint> {
  const { start, end } = syncWindow(ctx.settings, zoneOf(ctx.settings, ctx.orgTimeZone), ctx.now, state.backfilled)
  // The grid answers nothing for an empty job list, General shifts included.
  const jobIds = (await listJobs(ctx)).map((j) => j.jobId)
  return { start, end, page: 1, allTime: false, jobIds, received: 0, inWindow: 0 }
}

/**
 * A wage (user, rate) is effective from the earliest shift at that rate still in Buildertrend. The grid is
 * sorted by date, so the first page of a pass that shows a pair shows its earliest shift in the window: that
 * dates it, correcting a date held from a pass that missed rows (a truncated page) or a shift since deleted.
 * A date held from before the window stands: those shifts are no longer re-read, and history does not move.
 */
async function wagesToDate(ctx: BtContext, shifts: BtShiftRow[], cp: Checkpoint): Promise<CanonicalRow<'wages'>[]> {
  const dated = new Set(cp.wagesDated ?? [])
  const firstSeen = wagesOf(shifts).filter((w) => !dated.has(w.externalId))
  // Asking what is held writes the pages waiting for one batch first: pages whose pairs are all dated need not ask.
  if (!firstSeen.length) return []
  const held = await ctx.heldValues('wages', firstSeen.map((w) => w.externalId), 'effective_date')
  return firstSeen.filter((w) => {
    const since = held.get(w.externalId)
    return !(typeof since === 'string' && since < cp.start)
  })
}

async function nextPage(ctx: BtContext, state: StreamState<Checkpoint>): Promise<StreamPage<Checkpoint>> {
  let cp = state.checkpoint ?? (await firstCheckpoint(ctx, state))
  if (!cp.jobIds.length) return { upserts: [], checkpoint: null, notice: null }
  let grid: BtGridPage<BtShiftRow>
  try {
    grid = await readGrid(ctx, cp)
    if (!cp.allTime && cp.page === 1 && grid.records === 0) {
      cp = { ...cp, allTime: true }
      grid = await readGrid(ctx, cp)
    }
  } catch (err) {
    if (err instanceof VendorError && err.options.status === 500 && cp.page === 1) return { upserts: [], checkpoint: null, notice: UNUSED_TIME_CLOCK }
    throw err
  }
  const rows = grid.data ?? []
  // A shift without a readable date is kept, so the value rules count it as skipped instead of it vanishing.
  const windowRows = rows.filter((s) => {
    const day = workDateOf(s)
    return !/^\d{4}-\d\d-\d\d$/.test(day) || (day >= cp.start && day <= cp.end)
  })
  const zone = zoneOf(ctx.settings, ctx.orgTimeZone)
  const entries = windowRows.flatMap((s) => mapShift(s, zone))
  const received = cp.received + rows.length
  const inWindowSoFar = cp.inWindow + windowRows.length
  const wagesDated = [...new Set([...(cp.wagesDated ?? []), ...wagesOf(windowRows).map((w) => w.externalId)])]
  const page: StreamPage<Checkpoint> = {
    upserts: [
      { table: 'workers', rows: workersOf(windowRows) },
      { table: 'wages', rows: await wagesToDate(ctx, windowRows, cp) },
      { table: 'costCodes', rows: costCodesOf(windowRows) },
      { table: 'timeEntries', rows: entries },
    ],
    seen: entries.map((e) => e.externalId),
    checkpoint: null,
  }
  if (cp.page < grid.totalPages && rows.length > 0) {
    page.checkpoint = { ...cp, page: cp.page + 1, received, inWindow: inWindowSoFar, wagesDated } satisfies Checkpoint
    page.progress = cp.page / grid.totalPages
    return page
  }
  if (received === grid.records) page.deletionScope = { table: 'timeEntries', since: { column: 'work_date', value: cp.start } }
  page.notice = cp.allTime && inWindowSoFar > 0 ? DATE_FILTER_IGNORED : null
  return page
}

export const timeClockStream: Stream<BuildertrendCredentials, BuildertrendSettings, Checkpoint> = { name: 'TimeClock', label: 'Time entries', checkpointSchema, nextPage }
