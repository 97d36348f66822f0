/**
 * The ProPays a round of the bonus pass creates (docs/domain/propay.md §4.1): one per scope of the round's jobs that has
 * none yet and qualifies. Computes their first breakdowns; writing them is the round's (bonus-round.ts).
 * @module
 */
import type { BonusSettings } from '../../shared/api/bonus-settings'
import type { Db } from '../db/client'
import type { ProPayRow } from '../db/schema'
import { checkCreationEligibility, hasValidBudget, type IneligibleReason } from './domain'
import { managerUsersOfWorkers, newProPayRow } from './create'
import { coverageOf, type Coverage, type JobData } from './load-job-data'
import { scopesOfJob, type Scope } from './scope'
import type { JobRow } from './synced-input'

export interface CreationContext {
  orgId: string
  settings: BonusSettings
  today: string
  now: string
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

/** The scopes of these jobs (live ones, as `data` holds them) without a ProPay yet: all `existingKeys` lack. */
export function missingScopes(data: JobData, existingKeys: ReadonlySet<string>): { job: JobRow; scope: Scope }[] {
  const missing: { job: JobRow; scope: Scope }[] = []
  for (const job of data.jobs.values()) {
    if (job.deletedAt !== null) continue
    for (const scope of scopesOfJob(job.connectionId, job, data.milestonesByJob.get(job.externalId) ?? [])) {
      if (!existingKeys.has(scope.key)) missing.push({ job, scope })
    }
  }
  return missing
}

/** The rows to insert for the candidates that qualify, each with its first breakdown. */
export async function planCreation(db: Db, ctx: CreationContext, data: JobData, candidates: readonly { job: JobRow; scope: Scope }[]): Promise<ProPayRow[]> {
  if (candidates.length === 0) return []
  const managerIds = candidates.map((c) => c.job.managerExternalId).filter((id): id is string => !!id)
  const managerUsers = await managerUsersOfWorkers(db, ctx.orgId, candidates[0]!.job.connectionId, managerIds)
  const rows: ProPayRow[] = []
  for (const { job, scope } of candidates) {
    const coverage = coverageOf(data, scope)
    const row = await newProPayRow(
      {
        orgId: ctx.orgId,
        connectionId: job.connectionId,
        scope,
        origin: 'auto',
        managerUserId: job.managerExternalId ? (managerUsers.get(job.managerExternalId) ?? null) : null,
        managerWorkerExternalId: job.managerExternalId,
        budget: null,
        createdByUserId: null,
        settings: ctx.settings,
        now: ctx.now,
      },
      coverage,
    )
    const validBudget = row.breakdown !== null && hasValidBudget(row.breakdown.budget)
    if (ineligibility(job, scope, coverage, validBudget, ctx.settings, ctx.today).length === 0) rows.push(row)
  }
  return rows
}
