/**
 * A new ProPay row: the scope it covers, its manager, and the bonus settings copied onto it
 * (docs/domain/propay.md §4.1: pool, split, distribution, safeguards; here also cost settings, hold times, budget rule
 * and modifier), so later changes to the settings reach new ProPays only.
 * @module
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { BonusSettings } from '../../shared/api/bonus-settings'
import type { Db } from '../db/client'
import { users, workers, type ProPayRow } from '../db/schema'
import { buildProPayInput, compute } from './build-input'
import { NO_ADJUSTMENT, newProPayLifecycle, type BudgetSpec, type DistributionConfig } from './domain'
import type { Coverage } from './load-job-data'
import type { Scope } from './scope'

export interface NewProPay {
  orgId: string
  connectionId: string
  scope: Scope
  origin: 'auto' | 'manual'
  managerUserId: string | null
  managerWorkerExternalId: string | null
  budget: BudgetSpec | null
  createdByUserId: string | null
  settings: BonusSettings
  now: string
}

export const distributionFromSettings = (settings: BonusSettings): DistributionConfig =>
  settings.distribution.type === 'crew_lead_weighted'
    ? { type: 'crew_lead_weighted', leadFactorBp: settings.distribution.crewLeadFactorBp }
    : { type: settings.distribution.type }

/** The row to insert, with its first breakdown computed from the coverage. */
export async function newProPayRow(p: NewProPay, coverage: Coverage): Promise<ProPayRow> {
  const lifecycle = newProPayLifecycle()
  const row: ProPayRow = {
    id: crypto.randomUUID(),
    orgId: p.orgId,
    connectionId: p.connectionId,
    jobExternalId: p.scope.jobExternalId,
    milestoneExternalId: p.scope.milestoneExternalId,
    scopeKey: p.scope.key,
    origin: p.origin,
    managerUserId: p.managerUserId,
    managerWorkerExternalId: p.managerWorkerExternalId,
    status: lifecycle.status,
    approvalRound: lifecycle.approvalRound,
    approvalDate: lifecycle.approvalDate,
    approvedAt: null,
    approvedByUserId: null,
    costExclusionsLocked: lifecycle.costExclusionsLocked,
    budget: p.budget,
    budgetRule: { preferredType: p.settings.defaultBudgetType, contractLaborBudgetBp: p.settings.contractLaborBudgetBp },
    adjustment: NO_ADJUSTMENT,
    budgetModifierBp: p.settings.budgetModifierBp,
    pool: p.settings.pool,
    distribution: distributionFromSettings(p.settings),
    disqualifiers: p.settings.safeguards.disqualifiers.map((d) => ({ ...d, outcome: 'unresolved' as const })),
    penalties: p.settings.safeguards.penalties.map((d) => ({ ...d, outcome: 'unresolved' as const })),
    holdPolicy: p.settings.holdPolicy,
    postingPeriod: p.settings.postingPeriod,
    costSettings: p.settings.costSettings,
    people: { crewLeadIds: null, excludedWorkerIds: [], bonusRemovedWorkerIds: [] },
    breakdown: null,
    calculationIssues: null,
    budgetSource: null,
    inputHash: null,
    computedAt: null,
    attention: null,
    createdByUserId: p.createdByUserId,
    createdAt: p.now,
    updatedAt: p.now,
  }
  const computed = await compute(buildProPayInput(row, coverage))
  return {
    ...row,
    breakdown: computed.breakdown,
    calculationIssues: computed.issues.length > 0 ? computed.issues : null,
    budgetSource: computed.budgetSource,
    inputHash: computed.inputHash,
    computedAt: p.now,
  }
}

/**
 * The users who are these vendor workers (same email), and may own ProPays (admins and managers), keyed by worker
 * id: how an auto-created ProPay finds its manager.
 */
export async function managerUsersOfWorkers(db: Db, orgId: string, connectionId: string, workerExternalIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const ids = [...new Set(workerExternalIds)]
  if (ids.length === 0) return found
  const rows = await db
    .select({ workerId: workers.externalId, userId: users.id })
    .from(workers)
    .innerJoin(users, and(eq(users.orgId, workers.orgId), sql`${users.email} = lower(${workers.email})`))
    .where(
      and(
        eq(workers.connectionId, connectionId),
        eq(workers.orgId, orgId),
        isNull(workers.deletedAt),
        isNull(users.disabledAt),
        inArray(users.role, ['admin', 'manager']),
        sql`${workers.externalId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
      ),
    )
  for (const row of rows) found.set(row.workerId, row.userId)
  return found
}
