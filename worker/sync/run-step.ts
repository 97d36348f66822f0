/**
 * One bounded step of a connection's sync: a few pages within a time budget, each page stored together
 * with its checkpoint in one atomic batch. The consumer re-enqueues until the run is done, so a run of
 * any size proceeds in small, resumable pieces and an interrupted step loses at most its current page.
 * @module
 */
import { and, eq, sql } from 'drizzle-orm'
import { decryptCredentials } from '../crypto/credentials'
import { createDb, type Db } from '../db/client'
import { connections, organizations, syncRuns, syncStreams } from '../db/schema'
import type { Env } from '../env'
import { nowIso } from '../util/clock'
import type { Stream, StreamPage, SyncContext } from './connector'
import { extendLease, LEASE_MS } from './lease'
import { existingIds, heldValues, holdsAny, planUpserts } from './write-page'
import { guardRows } from './guard/guard-rows'
import { mergeTallies, type SkipTally } from './guard/skip-tally'
import { forgetSeen, holdsOutside, recordSeen, softDeleteUnseen } from './presence'
import type { SyncMessage } from './queue-messages'
import { readCheckpoint } from './read-checkpoint'
import { storeRenewedCredentials } from './renewed-credentials'
import { askedDuringRun } from './asked-during-run'
import { startSyncNow } from './start-sync'
import { connectorFor } from './registry'
import { finishRun, startRun } from './run-state'
import { hasPendingPushes, runPushes } from './run-pushes'
import { afterSync } from '../propay/auto-create'
import { refuseStoredVendorAddressUnlessAllowed } from '../connectors/vendor-base-url'
import { scrubError, secretScrubber } from './scrub-secrets'
import { VendorError } from './vendor-error'
import { createVendorHttp, type VendorHttpOptions } from './vendor-http'
import { type StepProfile, stepProfile } from './step-profile'

/** Wall time of a step; waiting on the vendor counts here, not in the budget below. */
export const STEP_BUDGET_MS = 20_000
/**
 * Our own time in a step (its wall time minus the vendor wait): a stand-in for CPU that also counts D1's answers, so a
 * step stays within 10 s of CPU with its last page. Fewer, fuller steps: each hand-off through the queue costs ~1 s.
 */
export const STEP_OWN_BUDGET_MS = 8_000
/** D1 allows 1,000 queries per invocation; a page takes about 8 (existence read, records, checkpoint, lease). */
export const STEP_MAX_PAGES = 80

export type StepResult = { next: 'done' } | { next: 'continue'; delayMs: number } | { next: 'stale' }

export interface StepOptions {
  now?: () => number
  http?: VendorHttpOptions
  maxPages?: number
}

type StreamRow = typeof syncStreams.$inferSelect

export async function runSyncStep(env: Env, message: SyncMessage, options: StepOptions = {}): Promise<StepResult> {
  const clock = options.now ?? Date.now
  const db = createDb(env.DB)
  const started = clock()
  const [row] = await db
    .select({ conn: connections, orgTimeZone: organizations.timeZone })
    .from(connections)
    .innerJoin(organizations, eq(organizations.id, connections.orgId))
    .where(eq(connections.id, message.connectionId))
  const conn = row?.conn
  // Only the current lease holder may work; anything else is a duplicate or late message.
  if (!conn || conn.deletedAt || conn.leaseToken !== message.leaseToken || !conn.leaseUntil || conn.leaseUntil < nowIso(started)) {
    return { next: 'stale' }
  }
  const lease = { id: conn.id, leaseToken: message.leaseToken, frequencySeconds: conn.frequencySeconds }
  const connector = connectorFor(conn.vendor)
  const settings = connector.settingsSchema.parse(conn.settings)
  const streams = connector.streams(settings)
  await ensureStreamRows(db, conn.id, streams)

  if (conn.paused) {
    if (conn.currentRunId) await finishRun(db, lease, conn.currentRunId, 'ok', started)
    await db.update(connections).set({ status: 'paused', leaseToken: null, leaseUntil: null }).where(eq(connections.id, conn.id))
    return { next: 'done' }
  }

  let runId = conn.currentRunId
  if (!runId) {
    const rows = await db.select().from(syncStreams).where(eq(syncStreams.connectionId, conn.id))
    const backfill = streams.some((s) => !rows.find((r) => r.stream === s.name)?.backfilled)
    runId = await startRun(db, conn, message.trigger, backfill ? 'backfill' : 'incremental', started)
  }

  const http = createVendorHttp(options.http)
  const cleanups: (() => Promise<void>)[] = []
  // A holder, not a `let`: the connector sets it from inside the step, where control-flow narrowing cannot see.
  const renewed: { credentials?: unknown } = {}
  const ctx: SyncContext = {
    connectionId: conn.id,
    orgTimeZone: row.orgTimeZone,
    credentials: await decryptCredentials(env.CREDENTIALS_KEY, conn.id, { ciphertext: conn.credentialsCiphertext, iv: conn.credentialsIv }),
    settings,
    http,
    now: started,
    existingIds: (table, ids) => existingIds(env.DB, conn.id, table, ids),
    heldValues: (table, ids, column) => heldValues(env.DB, conn.id, table, ids, column),
    holdsAny: (table) => holdsAny(env.DB, conn.id, table),
    holdsOutside: (scope, ids) => holdsOutside(env.DB, conn.id, scope, ids),
    browser: { binding: env.BROWSER, transport: env.BT_TRANSPORT },
    defer: (cleanup) => void cleanups.push(cleanup),
    renewCredentials: (credentials) => void (renewed.credentials = credentials),
  }

  // Every error text below is stored or logged: none may carry the credentials a vendor echoed back, renewed ones included.
  const scrub = () => secretScrubber([...connector.secrets(ctx.credentials), ...('credentials' in renewed ? connector.secrets(renewed.credentials) : [])])
  // What this step has not yet added to the run's counters (requests, vendor wait, time in the step).
  const tally = runTally(http, started)
  const profile = stepProfile(env.SYNC_PROFILE === 'true')
  let pages = 0
  try {
    refuseStoredVendorAddressUnlessAllowed(env, conn.settings)
    // Outbox first, so this run's pull brings the vendor's copies back.
    await runPushes(db, connector, ctx, conn.orgId)
    const ownMs = () => clock() - started - http.waitedMs
    const withinBudget = () => clock() - started < STEP_BUDGET_MS && ownMs() < STEP_OWN_BUDGET_MS
    // Read once per step: only the lease holder writes its streams, and each page's write is applied here too.
    const states = await profile.time('statesMs', () => db.select().from(syncStreams).where(eq(syncStreams.connectionId, conn.id)))
    for (; pages < (options.maxPages ?? STEP_MAX_PAGES) && withinBudget(); pages++) {
      const stream = streams.find((s) => states.find((r) => r.stream === s.name)?.completedRunId !== runId)
      if (!stream) {
        // The bonus work reads every synced row of the connection: after a long pull it gets a step of its own, so no
        // step's CPU is a full pull budget plus that.
        if (pages > 0 && ownMs() > STEP_OWN_BUDGET_MS / 4) {
          await addTally(db, runId, tally.take(clock()))
          return { next: 'continue', delayMs: 0 }
        }
        await profile.time('bonusMs', () => startBonusWork(env.DB, conn.id, clock()))
        // Records created while this run was pulling go out with the next run, right away.
        const soon = (await hasPendingPushes(db, conn.id)) ? 0 : undefined
        // A person asked for a sync while this one ran (Force sync, an action in the vendor's page): this run may have
        // read the record before it changed, so another starts at once.
        const again = await askedDuringRun(env.DB, conn.id, runId)
        const outcome = await outcomeOf(db, conn.id)
        await addTally(db, runId, tally.take(clock()))
        await finishRun(db, lease, runId, outcome, clock(), undefined, again ? 0 : soon)
        if (again) await startSyncNow(env, conn.id, 'manual', clock())
        return { next: 'done' }
      }
      const stored = states.find((r) => r.stream === stream.name)!
      const read = readCheckpoint(stream.checkpointSchema, stored.checkpoint)
      if (read.discarded) {
        console.warn(`sync stream ${stream.name} of connection ${conn.id}: its stored checkpoint no longer fits (${read.discarded.why}); the pass restarts from the cursor`)
      }
      // A discarded checkpoint counts as none from here on: the page starts a new pass (presence, counters).
      const state: StreamRow = { ...stored, checkpoint: read.checkpoint }
      const page = await profile.time('pageMs', () => stream.nextPage(ctx, { checkpoint: read.checkpoint, cursor: state.cursor, backfilled: state.backfilled }))
      // A checkpoint its own schema refuses would restart the pass on every step, never finishing it: fail loudly.
      if (page.checkpoint !== null && readCheckpoint(stream.checkpointSchema, page.checkpoint).discarded) {
        throw new Error(`sync stream ${stream.name} produced a checkpoint its own schema refuses`)
      }
      const written = await storePage(env.DB, db, { orgId: conn.orgId, connectionId: conn.id, runId, leaseToken: message.leaseToken }, stream, state, page, clock(), tally.take(clock()), profile)
      states[states.indexOf(stored)] = { ...stored, ...written }
    }
    return { next: 'continue', delayMs: 0 }
  } catch (err) {
    return handleFailure(db, lease, runId, scrubError(err, scrub()), clock(), tally.take(clock()))
  } finally {
    profile.flush(conn.id, { pages, stepMs: clock() - started, vendorMs: http.waitedMs, requests: http.requests })
    // Stored whatever the step's outcome: a session renewed before a later failure is still the newest one.
    if ('credentials' in renewed) {
      await storeRenewedCredentials(db, env.CREDENTIALS_KEY, conn, renewed.credentials).catch((err: Error) => console.warn(`renewed credentials of ${conn.id} not stored: ${err.message}`))
    }
    // A browser left open keeps billing until Browser Rendering's idle timeout (docs/design/browser-transport.md §3).
    for (const cleanup of cleanups) await cleanup().catch((err: Error) => console.warn(`sync cleanup of ${conn.id} failed: ${err.message}`))
  }
}

/**
 * The bonus side of a finished pull: ProPays for work that now qualifies (e.g. a ticket completed in the
 * vendor), fresh figures for active ones (wages, hours), flags on approved ones. A failure here must not
 * undo the sync; it is logged and retried after the next run.
 */
async function startBonusWork(d1: D1Database, connectionId: string, now: number) {
  try {
    await afterSync(d1, connectionId, { now })
  } catch (err) {
    console.error(`bonus update after the sync of ${connectionId} failed: ${(err as Error).message}`)
  }
}

/** A step's additions to its run's counters since the last `take`. */
interface Tally {
  requests: number
  vendorMs: number
  stepMs: number
}

function runTally(http: { requests: number; waitedMs: number }, started: number) {
  let taken = { requests: 0, vendorMs: 0, at: started }
  return {
    take(now: number): Tally {
      const add = { requests: http.requests - taken.requests, vendorMs: http.waitedMs - taken.vendorMs, stepMs: now - taken.at }
      taken = { requests: http.requests, vendorMs: http.waitedMs, at: now }
      return add
    },
  }
}

const tallySet = (add: Tally) => ({
  requests: sql`${syncRuns.requests} + ${add.requests}`,
  vendorMs: sql`${syncRuns.vendorMs} + ${add.vendorMs}`,
  stepMs: sql`${syncRuns.stepMs} + ${add.stepMs}`,
})

async function addTally(db: Db, runId: string, add: Tally) {
  await db.update(syncRuns).set(tallySet(add)).where(eq(syncRuns.id, runId))
}

async function ensureStreamRows(db: Db, connectionId: string, streams: Stream<unknown, unknown>[]) {
  await db
    .insert(syncStreams)
    .values(streams.map((s) => ({ connectionId, stream: s.name })))
    .onConflictDoNothing()
}

async function storePage(
  d1: D1Database,
  db: Db,
  scope: { orgId: string; connectionId: string; runId: string; leaseToken: string },
  stream: Stream<unknown, unknown>,
  state: StreamRow,
  page: StreamPage,
  now: number,
  add: Tally,
  profile: StepProfile,
) {
  const at = nowIso(now)
  const startingPass = state.checkpoint === null || state.checkpoint === undefined
  const statements: D1PreparedStatement[] = []
  if (startingPass) statements.push(forgetSeen(d1, scope.connectionId, stream.name))
  const counts = { added: 0, updated: 0, unchanged: 0, records: 0 }
  // Implausible vendor values never reach the tables: such records are skipped and counted for people.
  const pageSkips: SkipTally = {}
  for (const { table, rows: vendorRows } of page.upserts) {
    const { rows } = guardRows(table, vendorRows, pageSkips)
    const planned = await profile.time('planMs', () => planUpserts(d1, { orgId: scope.orgId, connectionId: scope.connectionId, now: at }, table, rows))
    statements.push(...planned.statements)
    counts.added += planned.counts.added
    counts.updated += planned.counts.updated
    counts.unchanged += planned.counts.unchanged
    counts.records += rows.length
  }
  if (page.seen?.length) statements.push(...recordSeen(d1, scope.connectionId, stream.name, page.seen))
  const passDone = page.checkpoint === null
  const skips = startingPass ? pageSkips : mergeTallies(state.skipsThisPass, pageSkips)
  const deleteIndex = passDone && page.deletionScope ? statements.push(softDeleteUnseen(d1, scope.connectionId, stream.name, page.deletionScope, at)) - 1 : -1
  if (passDone) statements.push(forgetSeen(d1, scope.connectionId, stream.name))

  const streamFields = {
    checkpoint: page.checkpoint,
    status: passDone ? ('ok' as const) : ('syncing' as const),
    passStartedAt: startingPass ? at : state.passStartedAt,
    lastErrorMessage: null,
    ...(page.notice !== undefined ? { notice: page.notice } : {}),
    skipsThisPass: passDone ? null : skips,
    ...(passDone ? { completedRunId: scope.runId, backfilled: true, cursor: page.cursor === undefined ? state.cursor : page.cursor, lastSuccessAt: at, skips } : {}),
  } satisfies Partial<StreamRow>
  const streamUpdate = db
    .update(syncStreams)
    .set({
      ...streamFields,
      recordsThisPass: startingPass ? counts.records : sql`${syncStreams.recordsThisPass} + ${counts.records}`,
      progress: passDone ? 1000 : page.progress === undefined ? null : Math.round(page.progress * 1000),
      added: sql`${syncStreams.added} + ${counts.added}`,
      updated: sql`${syncStreams.updated} + ${counts.updated}`,
    })
    .where(and(eq(syncStreams.connectionId, scope.connectionId), eq(syncStreams.stream, stream.name)))
  const runUpdate = db
    .update(syncRuns)
    .set({
      steps: sql`${syncRuns.steps} + 1`,
      ...tallySet(add),
      added: sql`${syncRuns.added} + ${counts.added}`,
      updated: sql`${syncRuns.updated} + ${counts.updated}`,
      unchanged: sql`${syncRuns.unchanged} + ${counts.unchanged}`,
    })
    .where(eq(syncRuns.id, scope.runId))
  // Records, checkpoint, counters and lease in one atomic batch: a crash leaves either all or none.
  const results = await profile.time('writeMs', () => d1.batch([
    ...statements,
    toD1(d1, streamUpdate),
    toD1(d1, runUpdate),
    extendLease(d1, scope.connectionId, scope.leaseToken, now + LEASE_MS),
  ]))
  const deleted = deleteIndex >= 0 ? results[deleteIndex]?.meta.changes ?? 0 : 0
  if (deleted) {
    await d1.batch([
      toD1(d1, db.update(syncStreams).set({ deleted: sql`${syncStreams.deleted} + ${deleted}` }).where(and(eq(syncStreams.connectionId, scope.connectionId), eq(syncStreams.stream, stream.name)))),
      toD1(d1, db.update(syncRuns).set({ deleted: sql`${syncRuns.deleted} + ${deleted}` }).where(eq(syncRuns.id, scope.runId))),
    ])
  }
  // What the step's next page needs of the stream's row (counters are left to D1).
  return streamFields
}

/** A drizzle query as a raw D1 statement, so it can share one `batch()` with raw SQL. */
function toD1(d1: D1Database, query: { toSQL(): { sql: string; params: unknown[] } }): D1PreparedStatement {
  const { sql: text, params } = query.toSQL()
  return d1.prepare(text).bind(...params)
}

async function outcomeOf(db: Db, connectionId: string) {
  const rows = await db.select({ status: syncStreams.status }).from(syncStreams).where(eq(syncStreams.connectionId, connectionId))
  return rows.some((r) => r.status === 'partial' || r.status === 'failed') ? 'partial' : 'ok'
}

async function handleFailure(
  db: Db,
  lease: { id: string; leaseToken: string; frequencySeconds: number },
  runId: string,
  err: unknown,
  now: number,
  add: Tally,
): Promise<StepResult> {
  await addTally(db, runId, add)
  if (err instanceof VendorError) {
    if (err.action === 'wait') {
      const waitMs = err.options.retryAfterMs ?? 30_000
      await db.run(sql`UPDATE connections SET lease_until = ${nowIso(now + waitMs + LEASE_MS)} WHERE id = ${lease.id} AND lease_token = ${lease.leaseToken}`)
      return { next: 'continue', delayMs: waitMs }
    }
    const streamMessage = err.action === 'relink' ? err.message : `${err.message} The next sync resumes where this one stopped.`
    await db
      .update(syncStreams)
      .set({ status: 'partial', lastErrorMessage: streamMessage })
      .where(and(eq(syncStreams.connectionId, lease.id), sql`${syncStreams.completedRunId} IS NOT ${runId}`))
    if (err.action === 'relink') {
      await finishRun(db, lease, runId, 'relink_needed', now, { code: err.kind, message: err.message })
    } else {
      // A vendor outage: stop here, keep every checkpoint, and try again sooner than the usual cadence.
      await finishRun(db, lease, runId, 'partial', now, { code: err.kind, message: streamMessage }, Math.min(lease.frequencySeconds * 1000, 60_000))
    }
    return { next: 'done' }
  }
  console.error(`sync step failed for connection ${lease.id}: ${(err as Error).message}`)
  await finishRun(db, lease, runId, 'failed', now, { code: 'internal', message: 'The sync stopped on an unexpected error; it will retry. Contact support if it persists.' })
  return { next: 'done' }
}
