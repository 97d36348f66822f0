/**
 * Stores a step's pages a few at a time. Each page is guarded and its stream's new state worked out at once (the
 * step's next page reads it), but its rows, presence ids, checkpoint and counters wait in memory until `flush`,
 * which plans the waiting pages together (one existence read per table) and writes them, with the lease, in one
 * atomic D1 batch. One commit per ten pages instead of per page more than halved a backfill's D1 time; a crash
 * loses at most the waiting pages, whose checkpoints were not stored either, so the next step reads them again.
 * A step's full batches are written behind its reading (`writeBehind`): D1 writes ten pages while the vendor sends
 * the next ones, instead of the two waiting on each other.
 *
 * Everything that reads the connection's rows — the connector's own look-ups, the bonus work, the failure path —
 * flushes first (run-step.ts), so no reader ever misses a page read before it.
 * @module
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { syncRuns, syncStreams } from '../db/schema'
import { nowIso } from '../util/clock'
import type { Stream, StreamPage } from './connector'
import { guardRows } from './guard/guard-rows'
import { mergeTallies, type SkipTally } from './guard/skip-tally'
import { extendLease, LEASE_MS } from './lease'
import { forgetSeen, recordSeen, softDeleteUnseen } from './presence'
import type { StepProfile } from './step-profile'
import { type PageRows, planPages } from './write-page'

/** Pages held before a write: the measured gain flattens out beyond ten (2026-12-03, local D1). */
export const PAGES_PER_WRITE = 10
/** Rows held before a write, whatever the page count: bounds the memory and the size of one batch. */
export const ROWS_PER_WRITE = 12_000

type StreamRow = typeof syncStreams.$inferSelect
export type StreamFields = Partial<StreamRow>

/** Additions to the run's counters that travel with a page (requests, vendor wait, time in the step). */
export interface Tally {
  requests: number
  vendorMs: number
  stepMs: number
}

export const tallySet = (add: Tally) => ({
  requests: sql`${syncRuns.requests} + ${add.requests}`,
  vendorMs: sql`${syncRuns.vendorMs} + ${add.vendorMs}`,
  stepMs: sql`${syncRuns.stepMs} + ${add.stepMs}`,
})

interface WaitingPage {
  stream: string
  rows: PageRows[]
  startingPass: boolean
  passDone: boolean
  seen: string[]
  deletionScope: StreamPage['deletionScope']
  records: number
  fields: StreamFields
  progress: number | null
  tally: Tally
  at: string
}

export interface PageWriterScope {
  orgId: string
  connectionId: string
  runId: string
  leaseToken: string
}

export function pageWriter(d1: D1Database, db: Db, scope: PageWriterScope, profile: StepProfile) {
  let waiting: WaitingPage[] = []
  let waitingRows = 0

  /** Takes a page: returns what the stream's row becomes, for the step's next page. */
  function add(stream: Stream<unknown, unknown>, state: StreamRow, page: StreamPage, now: number, tally: Tally): StreamFields {
    const at = nowIso(now)
    const startingPass = state.checkpoint === null || state.checkpoint === undefined
    // Implausible vendor values never reach the tables: such records are skipped and counted for people.
    const pageSkips: SkipTally = {}
    const rows = page.upserts.map(({ table, rows: vendorRows }) => ({ table, rows: guardRows(table, vendorRows, pageSkips).rows }))
    const records = rows.reduce((n, r) => n + r.rows.length, 0)
    const passDone = page.checkpoint === null
    const skips = startingPass ? pageSkips : mergeTallies(state.skipsThisPass, pageSkips)
    const fields = {
      checkpoint: page.checkpoint,
      status: passDone ? ('ok' as const) : ('syncing' as const),
      passStartedAt: startingPass ? at : state.passStartedAt,
      lastErrorMessage: null,
      ...(page.notice !== undefined ? { notice: page.notice } : {}),
      skipsThisPass: passDone ? null : skips,
      ...(passDone ? { completedRunId: scope.runId, backfilled: true, cursor: page.cursor === undefined ? state.cursor : page.cursor, lastSuccessAt: at, skips } : {}),
    } satisfies StreamFields
    waiting.push({
      stream: stream.name,
      rows,
      startingPass,
      passDone,
      seen: page.seen ?? [],
      deletionScope: page.deletionScope,
      records,
      fields,
      progress: passDone ? 1000 : page.progress === undefined ? null : Math.round(page.progress * 1000),
      tally,
      at,
    })
    waitingRows += records
    return fields
  }

  // The write going on, if any. Writes run one after another: each starts when the one before it has ended, and none
  // starts after one failed (its pages would store checkpoints past pages that were never written).
  let writing: Promise<void> = Promise.resolve()

  /** Hands the waiting pages to a write of their own, which starts once the write before it has ended. */
  function startWrite(now: number): void {
    if (!waiting.length) return
    const pages = waiting
    waiting = []
    waitingRows = 0
    writing = writing.then(() => write(pages, now))
    // Seen by the next `flush` or `writeBehind`; until then it must not count as an unhandled rejection.
    writing.catch(() => {})
  }

  /** Writes every waiting page, after those already handed to a write; rejects if any of those writes failed. */
  async function flush(now: number): Promise<void> {
    startWrite(now)
    await writing
  }

  /**
   * Starts writing the waiting pages without waiting for that write, so the step reads its next pages from the vendor
   * meanwhile. It first waits for the write before, so at most one write is going on and memory stays bounded.
   */
  async function writeBehind(now: number): Promise<void> {
    await profile.time('writeWaitMs', () => writing)
    startWrite(now)
  }

  /** Writes `pages`, in order, in one atomic batch with the lease. */
  async function write(pages: WaitingPage[], now: number): Promise<void> {
    const planned = await profile.time('planMs', () => planPages(d1, { orgId: scope.orgId, connectionId: scope.connectionId, now: nowIso(now) }, pages.map((p) => p.rows)))
    const statements: D1PreparedStatement[] = []
    const deletions: Array<{ stream: string; index: number }> = []
    for (const [i, page] of pages.entries()) {
      const { counts } = planned[i]!
      if (page.startingPass) statements.push(forgetSeen(d1, scope.connectionId, page.stream))
      statements.push(...planned[i]!.statements)
      if (page.seen.length) statements.push(...recordSeen(d1, scope.connectionId, page.stream, page.seen))
      if (page.passDone && page.deletionScope) deletions.push({ stream: page.stream, index: statements.push(softDeleteUnseen(d1, scope.connectionId, page.stream, page.deletionScope, page.at)) - 1 })
      if (page.passDone) statements.push(forgetSeen(d1, scope.connectionId, page.stream))
      const ofStream = and(eq(syncStreams.connectionId, scope.connectionId), eq(syncStreams.stream, page.stream))
      statements.push(
        toD1(d1, db.update(syncStreams).set({
          ...page.fields,
          recordsThisPass: page.startingPass ? page.records : sql`${syncStreams.recordsThisPass} + ${page.records}`,
          progress: page.progress,
          added: sql`${syncStreams.added} + ${counts.added}`,
          updated: sql`${syncStreams.updated} + ${counts.updated}`,
        }).where(ofStream)),
        toD1(d1, db.update(syncRuns).set({
          steps: sql`${syncRuns.steps} + 1`,
          ...tallySet(page.tally),
          added: sql`${syncRuns.added} + ${counts.added}`,
          updated: sql`${syncRuns.updated} + ${counts.updated}`,
          unchanged: sql`${syncRuns.unchanged} + ${counts.unchanged}`,
        }).where(eq(syncRuns.id, scope.runId))),
      )
    }
    // Records, checkpoints, counters and lease in one atomic batch: a crash leaves either all or none.
    const results = await profile.time('writeMs', () => d1.batch([...statements, extendLease(d1, scope.connectionId, scope.leaseToken, now + LEASE_MS)]))
    const deleted = deletions.map((d) => ({ stream: d.stream, n: results[d.index]?.meta.changes ?? 0 })).filter((d) => d.n > 0)
    if (deleted.length) {
      await d1.batch(deleted.flatMap((d) => [
        toD1(d1, db.update(syncStreams).set({ deleted: sql`${syncStreams.deleted} + ${d.n}` }).where(and(eq(syncStreams.connectionId, scope.connectionId), eq(syncStreams.stream, d.stream)))),
        toD1(d1, db.update(syncRuns).set({ deleted: sql`${syncRuns.deleted} + ${d.n}` }).where(eq(syncRuns.id, scope.runId))),
      ]))
    }
  }

  return {
    add,
    flush,
    writeBehind,
    /** Whether the waiting pages are enough for a write of their own. */
    full: () => waiting.length >= PAGES_PER_WRITE || waitingRows >= ROWS_PER_WRITE,
  }
}

/** A drizzle query as a raw D1 statement, so it can share one `batch()` with raw SQL. */
export function toD1(d1: D1Database, query: { toSQL(): { sql: string; params: unknown[] } }): D1PreparedStatement {
  const { sql: text, params } = query.toSQL()
  return d1.prepare(text).bind(...params)
}
