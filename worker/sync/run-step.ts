/**
 * One bounded step of a connection's sync: a few pages within a time budget, stored with their checkpoints in
 * atomic batches of up to ten pages (page-writer.ts). The consumer re-enqueues until the run is done, so a run of
 * any size proceeds in small, resumable pieces and an interrupted step loses at most the pages not yet written.
 * @module
 */
import { and, eq, sql } from 'drizzle-orm'
import { decryptCredentials } from '../crypto/credentials'
import { createDb, type Db } from '../db/client'
import { connections, organizations, syncRuns, syncStreams } from '../db/schema'
import type { Env } from '../env'
import { nowIso } from '../util/clock'
import type { Stream, SyncContext } from './connector'
import { extendLease, LEASE_MS } from './lease'
import { existingIds, heldValues, holdsAny } from './write-page'
import { pageWriter, type Tally, tallySet, toD1 } from './page-writer'
import { holdsOutside } from './presence'
import type { SyncMessage } from './queue-messages'
import { readCheckpoint } from './read-checkpoint'
import { storeRenewedCredentials } from './renewed-credentials'
import { askedDuringRun } from './asked-during-run'
import { startSyncNow } from './start-sync'
import { connectorFor } from './registry'
import { finishRun, startRun } from './run-state'
import { hasPendingPushes, runPushes } from './run-pushes'
import { afterSync, type PassBudget } from '../propay/auto-create'
import { refuseStoredVendorAddressUnlessAllowed } from '../connectors/vendor-base-url'
import { scrubError, secretScrubber } from './scrub-secrets'
import { VendorError } from './vendor-error'
import { createVendorHttp, type VendorHttpOptions } from './vendor-http'
import { stepProfile } from './step-profile'

/** Wall time of a step; waiting on the vendor counts here, not in the budget below. */
export const STEP_BUDGET_MS = 20_000
/**
 * Our own time in a step (its wall time minus the vendor wait): a stand-in for CPU that also counts D1's answers, so a
 * step stays within 10 s of CPU with its last page. Fewer, fuller steps: each hand-off through the queue costs ~1 s.
 * A write going on behind a vendor request is not in it (page-writer.ts `writeBehind`); the page cap below bounds a
 * step's work all the same (80 pages were 1.5–2.5 s of our work in the 2026-12-04 Aspire backfill).
 */
export const STEP_OWN_BUDGET_MS = 8_000
/** D1 allows 1,000 queries per invocation; a page takes about 8 (existence read, records, checkpoint, lease). */
export const STEP_MAX_PAGES = 80
/** What a step may send D1 (its limit, less room for the step's own reads and the run's end). */
const STEP_QUERIES = 1_000 - 60
/** A page's queries, rounded up: what the bonus pass may still send after the step's pages is counted with it. */
const QUERIES_PER_PAGE = 10

export type StepResult = { next: 'done' } | { next: 'continue'; delayMs: number } | { next: 'stale' }

export interface StepOptions {
  now?: () => number
  http?: VendorHttpOptions
  maxPages?: number
  /** For tests: the bonus pass's rounds, and own time it may spend in a step beyond its first round (default: the step's rest). */
  bonus?: { jobsPerRound?: number; budgetMs?: number }
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
  const profile = stepProfile(env.SYNC_PROFILE === 'true')
  const writer = pageWriter(env.DB, db, { orgId: conn.orgId, connectionId: conn.id, runId, leaseToken: message.leaseToken }, profile)
  // A connector's look-ups at what is held see every page read before them.
  const flushed = <T>(read: () => Promise<T>) => async () => (await writer.flush(clock()), read())
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
    existingIds: (table, ids) => flushed(() => existingIds(env.DB, conn.id, table, ids))(),
    heldValues: (table, ids, column) => flushed(() => heldValues(env.DB, conn.id, table, ids, column))(),
    holdsAny: (table) => flushed(() => holdsAny(env.DB, conn.id, table))(),
    holdsOutside: (scope, ids) => flushed(() => holdsOutside(env.DB, conn.id, scope, ids))(),
    browser: { binding: env.BROWSER, transport: env.BT_TRANSPORT },
    defer: (cleanup) => void cleanups.push(cleanup),
    renewCredentials: (credentials) => void (renewed.credentials = credentials),
  }

  // Every error text below is stored or logged: none may carry the credentials a vendor echoed back, renewed ones included.
  const scrub = () => secretScrubber([...connector.secrets(ctx.credentials), ...('credentials' in renewed ? connector.secrets(renewed.credentials) : [])])
  // What this step has not yet added to the run's counters (requests, vendor wait, time in the step).
  const tally = runTally(http, started)
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
        await writer.flush(clock())
        // After a long pull the bonus pass starts in a step of its own, so its first round (always run) has the step's
        // budget ahead of it.
        if (pages > 0 && ownMs() > STEP_OWN_BUDGET_MS / 4) {
          await addTally(db, runId, tally.take(clock()))
          return { next: 'continue', delayMs: 0 }
        }
        const bonusStart = ownMs()
        const budget: PassBudget = {
          timeLeftMs: () => Math.min(STEP_OWN_BUDGET_MS - ownMs(), (options.bonus?.budgetMs ?? Infinity) - (ownMs() - bonusStart)),
          queries: STEP_QUERIES - pages * QUERIES_PER_PAGE,
        }
        const bonusDone = await profile.time('bonusMs', () => startBonusWork(env.DB, conn.id, clock(), budget, options.bonus?.jobsPerRound))
        if (!bonusDone) {
          // The run stays open (connection "syncing") until the pass is through: the next step goes on with it.
          await env.DB.batch([toD1(env.DB, tallyUpdate(db, runId, tally.take(clock()))), extendLease(env.DB, conn.id, message.leaseToken, clock() + LEASE_MS)])
          return { next: 'continue', delayMs: 0 }
        }
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
      const fields = writer.add(stream, state, page, clock(), tally.take(clock()))
      states[states.indexOf(stored)] = { ...stored, ...fields }
      if (writer.full()) await writer.writeBehind(clock())
    }
    await writer.flush(clock())
    return { next: 'continue', delayMs: 0 }
  } catch (err) {
    // Pages read before the failure are whole and carry their checkpoints: keep them, so the next sync resumes after them.
    await writer.flush(clock()).catch((flushErr: Error) => console.warn(`pages read before the failure of ${conn.id} not stored: ${flushErr.message}`))
    return handleFailure(db, lease, runId, scrubError(err, scrub()), clock(), tally.take(clock()))
  } finally {
    profile.flush(conn.id, { pages, stepMs: clock() - started, vendorMs: http.waitedMs, requests: http.requests })
    // Stored whatever the step's outcome: a session renewed before a later failure is still the newest one.
    if ('credentials' in renewed) {
      await storeRenewedCredentials(db, env.CREDENTIALS_KEY, conn, renewed.credentials, connector.credentialKind(renewed.credentials)).catch((err: Error) => console.warn(`renewed credentials of ${conn.id} not stored: ${err.message}`))
    }
    // A browser left open keeps billing until Browser Rendering's idle timeout (docs/design/browser-transport.md §3).
    for (const cleanup of cleanups) await cleanup().catch((err: Error) => console.warn(`sync cleanup of ${conn.id} failed: ${err.message}`))
  }
}

/**
 * The bonus side of a finished pull: ProPays for work that now qualifies (e.g. a ticket completed in the
 * vendor), fresh figures for active ones (wages, hours), flags on approved ones. Within the step's budget: false when
 * the pass stopped for the next step to go on. A failure here must not undo the sync; it is logged, and the pass
 * (recorded up to its last round) goes on after the next run.
 */
async function startBonusWork(d1: D1Database, connectionId: string, now: number, budget: PassBudget, jobsPerRound?: number): Promise<boolean> {
  try {
    return (await afterSync(d1, connectionId, { now, budget, ...(jobsPerRound ? { jobsPerRound } : {}) })).done
  } catch (err) {
    console.error(`bonus update after the sync of ${connectionId} failed: ${(err as Error).message}`)
    return true
  }
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

const tallyUpdate = (db: Db, runId: string, add: Tally) => db.update(syncRuns).set(tallySet(add)).where(eq(syncRuns.id, runId))

async function addTally(db: Db, runId: string, add: Tally) {
  await tallyUpdate(db, runId, add)
}

async function ensureStreamRows(db: Db, connectionId: string, streams: Stream<unknown, unknown>[]) {
  await db
    .insert(syncStreams)
    .values(streams.map((s) => ({ connectionId, stream: s.name })))
    .onConflictDoNothing()
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
