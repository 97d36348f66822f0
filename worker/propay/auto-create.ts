/**
 * What the sync engine calls after each sync of a connection: create the ProPays that now qualify
 * (docs/domain/propay.md §4.1), recompute the breakdowns of active ones, and flag approved ones whose work the vendor
 * un-completed or deleted (docs/domain/propay.md §4.4: flagged for a person, never reversed). Idempotent — the unique
 * scope key makes a second run create nothing — and cheap when nothing changed: a few reads, no writes.
 * @module
 */
import { and, eq, isNull, ne } from 'drizzle-orm'
import type { BonusSettings } from '../../shared/api/bonus-settings'
import { createDb, type Db } from '../db/client'
import { connections, jobs, propays, propaySyncMarks, type ProPayRow } from '../db/schema'
import { nowIso } from '../util/clock'
import { checkCreationEligibility, hasValidBudget, incompleteCoverageMessage, type IneligibleReason } from './domain'
import { INPUT_VERSION } from './build-input'
import { managerUsersOfWorkers, newProPayRow } from './create'
import { coverageOf, inJson, loadJobData, type Coverage, type JobData } from './load-job-data'
import { orgTimeZone } from './load-propays'
import { refreshActive } from './refresh'
import { scopesOfJob, type Scope } from './scope'
import { loadBonusSettings } from './settings'
import type { JobRow } from './synced-input'
import { todayIn } from './today'

export interface AfterSyncResult {
  /** True when nothing changed since the last run, so nothing was read beyond the change check. */
  unchanged: boolean
  /** Ids of the ProPays created. */
  created: string[]
  /** Active ProPays whose breakdown was recomputed. */
  recomputed: number
  /** Approved or paid ProPays newly flagged for attention. */
  flagged: number
}

export interface AfterSyncOptions {
  /** The clock, for tests. */
  now?: number
  /** Jobs handled per round of reads (bounded so one call stays within D1's per-invocation limits). */
  jobsPerRound?: number
}

const SYNCED_TABLES = ['jobs', 'milestones', 'time_entries', 'wages', 'budgets'] as const

/** The newest change among the connection's synced rows (soft deletes set `updated_at` too). */
async function watermarkOf(d1: D1Database, connectionId: string): Promise<string | null> {
  const union = SYNCED_TABLES.map((table) => `SELECT MAX(updated_at) AS m FROM ${table} WHERE connection_id = ?1`).join(' UNION ALL ')
  const row = await d1.prepare(`SELECT MAX(m) AS watermark FROM (${union})`).bind(connectionId).first<{ watermark: string | null }>()
  return row?.watermark ?? null
}

/**
 * The jobs touched by rows changed since `since`: their own row, a milestone, time or a budget line on them, or a
 * wage of someone who logged time on them. (Four terms: D1 caps compound SELECTs.)
 */
async function touchedJobIds(d1: D1Database, connectionId: string, since: string): Promise<string[]> {
  const jobOf = (table: string, where: string) =>
    `SELECT COALESCE(x.job_external_id, m.job_external_id) AS id FROM ${table} x
     LEFT JOIN milestones m ON m.connection_id = x.connection_id AND m.external_id = x.milestone_external_id
     WHERE x.connection_id = ?1 AND (${where})`
  const sql = [
    'SELECT external_id AS id FROM jobs WHERE connection_id = ?1 AND updated_at >= ?2',
    'SELECT job_external_id AS id FROM milestones WHERE connection_id = ?1 AND updated_at >= ?2',
    jobOf('time_entries', 'x.updated_at >= ?2 OR x.worker_external_id IN (SELECT worker_external_id FROM wages WHERE connection_id = ?1 AND updated_at >= ?2)'),
    jobOf('budgets', 'x.updated_at >= ?2'),
  ].join(' UNION ')
  const { results } = await d1.prepare(sql).bind(connectionId, since).all<{ id: string | null }>()
  return results.map((r) => r.id).filter((id): id is string => !!id)
}

/** Why work is not eligible, or [] when a ProPay should exist for it. */
function ineligibility(job: JobRow, scope: Scope, coverage: Coverage, validBudget: boolean, settings: BonusSettings, today: string): IneligibleReason[] {
  const branch = scope.kind === 'milestone' ? (coverage.milestones[0]?.branchExternalId ?? job.branchExternalId) : job.branchExternalId
  const dates = coverage.entries.map((e) => e.workDate).sort()
  const canceled = job.status === 'canceled' || (scope.kind === 'milestone' && coverage.milestones.every((m) => m.status === 'canceled'))
  return checkCreationEligibility(
    {
      name: job.name,
      propertyId: job.clientExternalId,
      manuallyExcluded: settings.excludedJobs.some((e) => e.connectionId === job.connectionId && e.jobExternalId === job.externalId),
      canceled,
    },
    {
      inBonusProgram: settings.incentivizedBranchIds === null || (branch !== null && settings.incentivizedBranchIds.includes(branch)),
      launchDate: settings.launchDate,
      today,
      latestWorkDate: dates.at(-1) ?? null,
      exclusionRules: settings.exclusionRules,
      hasValidBudget: validBudget,
    },
  )
}

/** Creates the missing ProPays of these jobs; returns the new rows. */
async function createMissing(db: Db, orgId: string, data: JobData, existingKeys: Set<string>, settings: BonusSettings, today: string, now: string) {
  const candidates: { job: JobRow; scope: Scope }[] = []
  for (const job of data.jobs.values()) {
    if (job.deletedAt !== null) continue
    const jobMilestones = data.milestonesByJob.get(job.externalId) ?? []
    for (const scope of scopesOfJob(job.connectionId, job, jobMilestones)) {
      if (!existingKeys.has(scope.key)) candidates.push({ job, scope })
    }
  }
  if (candidates.length === 0) return []
  const managerIds = candidates.map((c) => c.job.managerExternalId).filter((id): id is string => !!id)
  const managerUsers = await managerUsersOfWorkers(db, orgId, candidates[0]!.job.connectionId, managerIds)
  const rows: ProPayRow[] = []
  for (const { job, scope } of candidates) {
    const coverage = coverageOf(data, scope)
    const row = await newProPayRow(
      {
        orgId,
        connectionId: job.connectionId,
        scope,
        origin: 'auto',
        managerUserId: job.managerExternalId ? (managerUsers.get(job.managerExternalId) ?? null) : null,
        managerWorkerExternalId: job.managerExternalId,
        budget: null,
        createdByUserId: null,
        settings,
        now,
      },
      coverage,
    )
    const validBudget = row.breakdown !== null && hasValidBudget(row.breakdown.budget)
    if (ineligibility(job, scope, coverage, validBudget, settings, today).length === 0) rows.push(row)
  }
  if (rows.length === 0) return []
  // One insert per row in one batch: a row some other run created meanwhile is skipped by its unique scope key.
  const inserts = rows.map((row) => db.insert(propays).values(row).onConflictDoNothing({ target: [propays.orgId, propays.scopeKey] }).returning({ id: propays.id }))
  const results = (await db.batch(inserts as [(typeof inserts)[0], ...typeof inserts])) as { id: string }[][]
  return results.flat().map((r) => r.id)
}

/** Flags approved or paid ProPays whose covered work is no longer complete (or gone) at the vendor. */
async function flagChangedApprovals(db: Db, data: JobData, rows: readonly ProPayRow[], now: string): Promise<number> {
  const updates = []
  let flagged = 0
  for (const row of rows.filter((r) => r.status === 'approved' || r.status === 'paid')) {
    const coverage = coverageOf(data, row)
    const problem =
      coverage.job === null
        ? 'The vendor no longer has this job. The approval stands; check it.'
        : (incompleteCoverageMessage(coverage.milestones.map((m) => ({ id: m.externalId, status: m.status }))) ?? null)
    const attention = problem === null ? null : `Changed at the vendor after approval: ${problem}`
    if (attention === row.attention) continue
    if (attention !== null) flagged++
    updates.push(db.update(propays).set({ attention, updatedAt: now }).where(eq(propays.id, row.id)))
  }
  if (updates.length > 0) await db.batch(updates as [(typeof updates)[0], ...typeof updates])
  return flagged
}

/**
 * Runs after a sync of `connectionId`. Only jobs touched since the last run are looked at (all of them on the first
 * run, or when the bonus settings or the launch state changed). Safe to call repeatedly and concurrently.
 *
 * @example
 * await afterSync(env.DB, connectionId) // → { unchanged: false, created: ['…'], recomputed: 3, flagged: 0 }
 */
export async function afterSync(d1: D1Database, connectionId: string, options: AfterSyncOptions = {}): Promise<AfterSyncResult> {
  const db = createDb(d1)
  const result: AfterSyncResult = { unchanged: true, created: [], recomputed: 0, flagged: 0 }
  const [connection] = await db
    .select({ id: connections.id, orgId: connections.orgId })
    .from(connections)
    .where(and(eq(connections.id, connectionId), isNull(connections.deletedAt)))
  if (!connection) return result
  const now = options.now ?? Date.now()
  const [{ settings, updatedAt }, timeZone, watermark, [mark]] = await Promise.all([
    loadBonusSettings(db, connection.orgId),
    orgTimeZone(db, connection.orgId),
    watermarkOf(d1, connectionId),
    db.select().from(propaySyncMarks).where(eq(propaySyncMarks.connectionId, connectionId)),
  ])
  const today = todayIn(timeZone, now)
  const launched = settings.launchDate !== null && settings.launchDate <= today
  // Reads serve stored breakdowns, so a new way of building inputs must reach every job once, not only touched ones.
  const settingsStamp = JSON.stringify({ settings: updatedAt, launched, inputVersion: INPUT_VERSION })
  if (mark && mark.settingsStamp === settingsStamp && mark.watermark === watermark) return result
  result.unchanged = false

  const since = mark && mark.settingsStamp === settingsStamp ? mark.watermark : null
  const jobIds =
    since === null
      ? (await db.select({ id: jobs.externalId }).from(jobs).where(eq(jobs.connectionId, connectionId))).map((j) => j.id)
      : await touchedJobIds(d1, connectionId, since)
  const stamp = nowIso(now)
  const perRound = options.jobsPerRound ?? 200
  for (let i = 0; i < jobIds.length; i += perRound) {
    const ids = jobIds.slice(i, i + perRound)
    const data = await loadJobData(db, connectionId, ids)
    const existing = await db
      .select()
      .from(propays)
      .where(and(eq(propays.orgId, connection.orgId), eq(propays.connectionId, connectionId), inJson(propays.jobExternalId, ids), ne(propays.status, 'deleted')))
    const refreshed = await refreshActive(db, existing, new Map([[connectionId, data]]))
    result.recomputed += refreshed.filter((row, index) => row !== existing[index]).length
    result.flagged += await flagChangedApprovals(db, data, existing, stamp)
    const keys = new Set((await db.select({ key: propays.scopeKey }).from(propays).where(and(eq(propays.orgId, connection.orgId), eq(propays.connectionId, connectionId), inJson(propays.jobExternalId, ids)))).map((r) => r.key))
    if (launched) result.created.push(...(await createMissing(db, connection.orgId, data, keys, settings, today, stamp)))
  }
  await db
    .insert(propaySyncMarks)
    .values({ connectionId, orgId: connection.orgId, watermark, settingsStamp, processedAt: stamp })
    .onConflictDoUpdate({ target: propaySyncMarks.connectionId, set: { watermark, settingsStamp, processedAt: stamp } })
  return result
}
