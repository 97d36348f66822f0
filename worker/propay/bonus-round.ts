/**
 * One round of the sync's bonus pass (auto-create.ts) over a slice of the touched jobs: create the ProPays that now
 * qualify, recompute the active ones whose input changed, flag approved ones whose work changed at the vendor. All of
 * the round's writes and the pass's progress go in one batch, so a round is done entirely or not at all; repeated
 * after a crash it finds its ProPays created (skipped by scope key), recomputed (same input hash) and flagged.
 * @module
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { insertRowsJson, updateRowsJson } from '../db/json-rows'
import { propays } from '../db/schema'
import type { MoneySettings } from './domain/format-cents'
import { runBatch, type BatchItem } from './d1-batch'
import { inJson, loadJobs, loadWork } from './load-job-data'
import { missingScopes, planCreation, type CreationContext } from './plan-creation'
import { planFlags } from './plan-flags'
import { planRefresh } from './refresh'

export interface RoundContext extends CreationContext {
  connectionId: string
  /** The bonus program has started: work that qualifies gets a ProPay. */
  launched: boolean
  money?: MoneySettings
}

export interface RoundResult {
  created: string[]
  recomputed: number
  flagged: number
}

const REFRESHED = ['breakdown', 'calculationIssues', 'budgetSource', 'inputHash', 'computedAt'] as const

/** Runs the round over `jobIds` and writes `progress` (the pass's new position) in the same batch. */
export async function bonusRound(db: Db, ctx: RoundContext, jobIds: readonly string[], progress: BatchItem): Promise<RoundResult> {
  // Every ProPay of these jobs, deleted ones too: their scope keys must not be created again.
  const existing = await db
    .select()
    .from(propays)
    .where(and(eq(propays.orgId, ctx.orgId), eq(propays.connectionId, ctx.connectionId), inJson(propays.jobExternalId, jobIds)))
  const live = existing.filter((row) => row.status !== 'deleted')
  // Before launch only jobs with ProPays (manual ones) have anything to do: the others are not read at all.
  const withProPays = new Set(live.map((row) => row.jobExternalId))
  const relevant = ctx.launched ? jobIds : jobIds.filter((id) => withProPays.has(id))
  const writes: BatchItem[] = []
  let inserts: BatchItem[] = []
  const result: RoundResult = { created: [], recomputed: 0, flagged: 0 }
  if (relevant.length > 0) {
    const data = await loadJobs(db, ctx.connectionId, relevant, ctx.money)
    const candidates = ctx.launched ? missingScopes(data, new Set(existing.map((row) => row.scopeKey))) : []
    const active = live.filter((row) => row.status === 'active')
    // Time, budget lines and wages (nearly all the rows) only for jobs with something to compute; approvals need none.
    await loadWork(db, ctx.connectionId, data, [...new Set([...active.map((row) => row.jobExternalId), ...candidates.map((c) => c.job.externalId)])])
    const refreshes = await planRefresh(active, data, ctx.now)
    const flags = planFlags(data, live, ctx.now)
    const rows = await planCreation(db, ctx, data, candidates)
    result.recomputed = refreshes.length
    result.flagged = flags.filter((f) => f.attention !== null).length
    writes.push(
      ...updateRowsJson(propays, propays.id, REFRESHED, refreshes, and(eq(propays.orgId, ctx.orgId), eq(propays.status, 'active'))!),
      ...updateRowsJson(propays, propays.id, ['attention', 'updatedAt'], flags, eq(propays.orgId, ctx.orgId)),
    )
    // A row some other run created meanwhile is skipped by its unique scope key.
    inserts = insertRowsJson(propays, rows, [propays.orgId, propays.scopeKey], propays.id)
  }
  const results = await runBatch(db, [...writes, ...inserts, progress], 'The bonus pass')
  for (const inserted of results.slice(writes.length, writes.length + inserts.length)) {
    result.created.push(...(inserted.results as { id: string }[]).map((r) => r.id))
  }
  return result
}
