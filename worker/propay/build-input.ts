/**
 * A ProPay's stored settings + the synced rows it covers → the domain's `ProPayInput`, and the breakdown computed
 * from it. Pure, so the same rows always give the same breakdown and the same input hash.
 * @module
 */
import type { ProPayRow } from '../db/schema'
import { sha256Base64Url } from '../util/sha256'
import { calculateProPay, type ProPayBreakdown, type ProPayInput, type ValidationIssue } from './domain'
import type { Coverage } from './load-job-data'
import { syncedBudget, syncedCrewLeads, toDomainTimeEntries, toWageHistory } from './synced-input'

/**
 * Stands in for the manager when no vendor worker is set to receive the manager bucket; approval is blocked while
 * that bucket holds money (see `blockersOf`).
 */
export const NO_MANAGER = '(no manager)'

/**
 * Bump when the way inputs are built changes, so every stored breakdown is recomputed once: it is part of the input
 * hash, and of the sync's bonus-pass stamp (auto-create.ts), so the next sync of each connection recomputes all.
 */
export const INPUT_VERSION = 1

export type ProPayConfig = Pick<
  ProPayRow,
  | 'milestoneExternalId'
  | 'budget'
  | 'budgetRule'
  | 'adjustment'
  | 'budgetModifierBp'
  | 'pool'
  | 'distribution'
  | 'costSettings'
  | 'people'
  | 'disqualifiers'
  | 'penalties'
  | 'managerWorkerExternalId'
>

export interface BuiltInput {
  input: ProPayInput | null
  /** Why there is no input (no budget anywhere). */
  issues: ValidationIssue[]
  /** `propay` for the ProPay's own budget, else the synced field it came from. */
  budgetSource: string | null
}

export function buildProPayInput(config: ProPayConfig, coverage: Coverage): BuiltInput {
  const kind = config.milestoneExternalId === null ? 'job' : 'milestone'
  const synced = config.budget ? null : syncedBudget({ kind }, coverage.job, coverage.milestones, coverage.laborBudgets, config.budgetRule)
  const budget = config.budget ?? synced?.spec ?? null
  if (!budget) {
    return {
      input: null,
      issues: [{ path: 'budget', message: 'There is no labor budget: the vendor has none for this work. Enter one on the ProPay.' }],
      budgetSource: null,
    }
  }
  const input: ProPayInput = {
    budget,
    adjustment: config.adjustment,
    companyModifierBp: config.budgetModifierBp,
    milestones: coverage.milestones.map((m) => ({ id: m.externalId, status: m.status })),
    timeEntries: coverage.entries.flatMap(toDomainTimeEntries),
    wageHistory: toWageHistory(coverage.wages),
    costSettings: config.costSettings,
    pool: config.pool,
    distribution: config.distribution,
    people: {
      managerId: config.managerWorkerExternalId ?? NO_MANAGER,
      crewLeadIds: config.people.crewLeadIds ?? syncedCrewLeads(coverage.milestones),
      excludedWorkerIds: config.people.excludedWorkerIds,
      bonusRemovedWorkerIds: config.people.bonusRemovedWorkerIds,
    },
    disqualifiers: config.disqualifiers,
    penalties: config.penalties,
    ...(coverage.money ? { money: coverage.money } : {}),
  }
  return { input, issues: [], budgetSource: config.budget ? 'propay' : synced!.source }
}

export interface Computed {
  breakdown: ProPayBreakdown | null
  issues: ValidationIssue[]
  budgetSource: string | null
  inputHash: string
}

/** What a stored breakdown was computed from: equal hashes, equal breakdowns (the calculation is pure). */
export const hashInput = (built: BuiltInput): Promise<string> => sha256Base64Url(JSON.stringify({ v: INPUT_VERSION, input: built.input, issues: built.issues }))

/** Computes the breakdown; inputs the domain refuses come back as issues instead. `inputHash`: from `hashInput`, when already known. */
export async function compute(built: BuiltInput, knownHash?: string): Promise<Computed> {
  const inputHash = knownHash ?? (await hashInput(built))
  if (!built.input) return { breakdown: null, issues: built.issues, budgetSource: built.budgetSource, inputHash }
  const result = calculateProPay(built.input)
  return result.ok
    ? { breakdown: result.value, issues: [], budgetSource: built.budgetSource, inputHash }
    : { breakdown: null, issues: result.error, budgetSource: built.budgetSource, inputHash }
}
