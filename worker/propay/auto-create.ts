/**
 * What the sync engine calls after each sync of a connection: the bonus pass. It creates the ProPays that now qualify
 * (docs/domain/propay.md §4.1), recomputes the breakdowns of active ones, and flags approved ones whose work the
 * vendor un-completed or deleted (§4.4: flagged for a person, never reversed), for the jobs touched since the last
 * pass. Idempotent — the unique scope key makes a second run create nothing — and cheap when nothing changed: a few
 * reads, no writes.
 *
 * Bounded and resumable (issue #16: steps of at most 10 s of CPU): the pass goes through the touched jobs in rounds
 * (bonus-round.ts) and stops between rounds when the caller's budget (own time, D1 queries) would not hold another,
 * with where it stands in `propay_sync_passes`. The next call goes on from there; a crash loses at most a round.
 * @module
 */
import { and, eq, isNull } from 'drizzle-orm'
import { createDb, type Db } from '../db/client'
import { countQueries } from '../db/query-count'
import { connections, organizations, propaySyncMarks, propaySyncPasses } from '../db/schema'
import { nowIso } from '../util/clock'
import { INPUT_VERSION } from './build-input'
import { bonusRound, type RoundContext, type RoundResult } from './bonus-round'
import { runBatch } from './d1-batch'
import { moneyOf } from './load-job-data'
import { loadBonusSettings } from './settings'
import { todayIn } from './today'
import { touchedJobIds, watermarkOf } from './touched-jobs'

export interface AfterSyncResult {
  /** True when nothing changed since the last pass, so nothing was read beyond the change check. */
  unchanged: boolean
  /** False when the budget ran out first: the pass is recorded and the next call goes on with it. */
  done: boolean
  /** Ids of the ProPays created. */
  created: string[]
  /** Active ProPays whose breakdown was recomputed. */
  recomputed: number
  /** Approved or paid ProPays newly flagged for attention. */
  flagged: number
}

/** What the caller can spend on this call; a round always runs, another only if one like the costliest so far fits. */
export interface PassBudget {
  /** Own time left (ms), read between rounds. */
  timeLeftMs: () => number
  /** D1 queries left for this call. */
  queries: number
}

export interface AfterSyncOptions {
  /** The clock, for tests. */
  now?: number
  /** Jobs per round: about 10 reads and a batch of a few statements, whatever the number of ProPays. */
  jobsPerRound?: number
  /** Without one, the pass runs to its end. */
  budget?: PassBudget
}

export const JOBS_PER_ROUND = 50

type Pass = typeof propaySyncPasses.$inferSelect

/** The connection with its organisation's settings, its mark and its pass under way, in one read. */
async function loadState(db: Db, connectionId: string) {
  const [row] = await db
    .select({
      orgId: connections.orgId,
      timeZone: organizations.timeZone,
      locale: organizations.locale,
      currency: organizations.currency,
      mark: propaySyncMarks,
      pass: propaySyncPasses,
    })
    .from(connections)
    .innerJoin(organizations, eq(organizations.id, connections.orgId))
    .leftJoin(propaySyncMarks, eq(propaySyncMarks.connectionId, connections.id))
    .leftJoin(propaySyncPasses, eq(propaySyncPasses.connectionId, connections.id))
    .where(and(eq(connections.id, connectionId), isNull(connections.deletedAt)))
  return row
}

/** The pass's position after a round, written in the round's batch. */
const progressOf = (db: Db, pass: Pass) =>
  db
    .insert(propaySyncPasses)
    .values(pass)
    .onConflictDoUpdate({
      target: propaySyncPasses.connectionId,
      set: { settingsStamp: pass.settingsStamp, since: pass.since, watermark: pass.watermark, afterJob: pass.afterJob, jobsDone: pass.jobsDone, jobsTotal: pass.jobsTotal, updatedAt: pass.updatedAt },
    })

/**
 * The pass is complete: its watermark becomes the mark, and the connection's pass row goes, whichever call wrote it last
 * (a stale one left by other settings too). A concurrent call's pass lost this way is only done again: rounds are
 * idempotent.
 */
async function completePass(db: Db, pass: Pass) {
  await runBatch(db, [
    db
      .insert(propaySyncMarks)
      .values({ connectionId: pass.connectionId, orgId: pass.orgId, watermark: pass.watermark, settingsStamp: pass.settingsStamp, processedAt: pass.updatedAt })
      .onConflictDoUpdate({ target: propaySyncMarks.connectionId, set: { watermark: pass.watermark, settingsStamp: pass.settingsStamp, processedAt: pass.updatedAt } }),
    db.delete(propaySyncPasses).where(eq(propaySyncPasses.connectionId, pass.connectionId)),
  ])
}

const add = (result: AfterSyncResult, round: RoundResult) => {
  result.created.push(...round.created)
  result.recomputed += round.recomputed
  result.flagged += round.flagged
}

/**
 * Runs after a sync of `connectionId`. Only jobs touched since the last pass are looked at (all of them on the first
 * pass, or when the bonus settings or the launch state changed). Safe to call repeatedly and concurrently.
 *
 * @example
 * await afterSync(env.DB, connectionId) // → { unchanged: false, done: true, created: ['…'], recomputed: 3, flagged: 0 }
 * await afterSync(env.DB, connectionId, { budget: { timeLeftMs: () => deadline - Date.now(), queries: 500 } })
 */
export async function afterSync(d1: D1Database, connectionId: string, options: AfterSyncOptions = {}): Promise<AfterSyncResult> {
  const counted = countQueries(d1)
  const db = createDb(counted.d1)
  const result: AfterSyncResult = { unchanged: true, done: true, created: [], recomputed: 0, flagged: 0 }
  const state = await loadState(db, connectionId)
  if (!state) return result
  const now = options.now ?? Date.now()
  const [{ settings, updatedAt }, watermark] = await Promise.all([loadBonusSettings(db, state.orgId), watermarkOf(counted.d1, connectionId)])
  const today = todayIn(state.timeZone, now)
  const launched = settings.launchDate !== null && settings.launchDate <= today
  // Reads serve stored breakdowns, so a new way of building inputs must reach every job once, not only touched ones.
  const settingsStamp = JSON.stringify({ settings: updatedAt, launched, inputVersion: INPUT_VERSION })
  let mark = state.mark
  // A pass begun under other settings is dropped: a full pass under these replaces it.
  let pass: Pass | null = state.pass?.settingsStamp === settingsStamp ? state.pass : null
  const stamp = nowIso(now)
  const money = moneyOf(state)
  const ctx: RoundContext = { orgId: state.orgId, connectionId, settings, today, now: stamp, launched, ...(money ? { money } : {}) }
  const perRound = options.jobsPerRound ?? JOBS_PER_ROUND
  const budget = options.budget
  let rounds = 0
  let costliest = { ms: 0, queries: 0 }
  const roomForAnother = () =>
    rounds === 0 || !budget || (budget.timeLeftMs() > costliest.ms && counted.queries + costliest.queries < budget.queries)

  // A pass carried over from an earlier call first; then, if the data moved on past its watermark, the next one.
  while (pass || !(mark && mark.settingsStamp === settingsStamp && mark.watermark === watermark)) {
    result.unchanged = false
    if (!pass) {
      if (!roomForAnother()) return { ...result, done: false }
      const since = mark && mark.settingsStamp === settingsStamp ? mark.watermark : null
      pass = { connectionId, orgId: state.orgId, settingsStamp, since, watermark, afterJob: null, jobsDone: 0, jobsTotal: 0, startedAt: stamp, updatedAt: stamp }
    }
    const touched = await touchedJobIds(counted.d1, connectionId, pass.since)
    const after = pass.afterJob
    const remaining = after === null ? touched : touched.filter((id) => id > after)
    if (after === null) pass.jobsTotal = remaining.length
    for (let i = 0; i < remaining.length; i += perRound) {
      if (!roomForAnother()) return { ...result, done: false }
      const ids = remaining.slice(i, i + perRound)
      const started = { ms: budget?.timeLeftMs() ?? 0, queries: counted.queries }
      pass = { ...pass, afterJob: ids.at(-1)!, jobsDone: pass.jobsDone + ids.length, updatedAt: stamp }
      add(result, await bonusRound(db, ctx, ids, progressOf(db, pass)))
      rounds++
      costliest = { ms: Math.max(costliest.ms, started.ms - (budget?.timeLeftMs() ?? 0)), queries: Math.max(costliest.queries, counted.queries - started.queries) }
    }
    await completePass(db, pass)
    mark = { connectionId, orgId: state.orgId, watermark: pass.watermark, settingsStamp, processedAt: stamp }
    pass = null
  }
  return result
}
