import type { ProPayBreakdown } from './breakdown'
import { computeBudget } from './budget'
import { NO_ADJUSTMENT } from './budget-types'
import type { CrewMember } from './distribution'
import { moneyFormatter } from './format-cents'
import { laborCostCents } from './labor-pricing'
import { summarizeLabor, type LaborSummary } from './labor-summary'
import { splitIntoBuckets } from './pool'
import type { ProPayInput } from './propay-input'
import { bonusExclusionOf, type ProPayPeople } from './propay-people'
import { readinessProblems } from './readiness-problems'
import { UnsafeIntegerError } from './integer-math'
import { err, ok, type Result } from './result'
import { allocateRoleBuckets } from './role-allocation'
import { BUCKET_ROLES } from './roles'
import { isDisqualified } from './safeguards'
import { computeSavings, noBonusWarnings } from './savings'
import { resolveCostSettings } from './time-entry'
import { FULL_BP } from './units'
import { validateProPayInput } from './validate-propay-input'
import type { ValidationIssue } from './validation-issue'
import { deriveWorkState } from './work-state'
import { buildWorkerRows, payoutsOf } from './worker-rows'

/**
 * Computes one ProPay's bonus and explains every figure (docs/domain/propay.md §6): disqualifiers, actual labor,
 * savings, worker share, role buckets, penalties, distribution. Pure and deterministic: the same input always gives the
 * same breakdown, so it can be shown live while work is in progress and recomputed at approval.
 *
 * @returns the breakdown, or the input problems that make computing impossible (shaped like API error details)
 * @example
 * const result = calculateProPay(input)
 * if (!result.ok) throw new ApiError('unprocessable', 'Invalid ProPay', [...result.error])
 * result.value.payouts // → [{ workerId: 'w1', role: 'crew', amountCents: 8750 }, …]
 */
export function calculateProPay(input: ProPayInput): Result<ProPayBreakdown, ValidationIssue[]> {
  const issues = validateProPayInput(input)
  if (issues.length > 0) return err(issues)
  // Each input is a safe integer, but products and sums of them (a rate times a quantity, manual amounts, penalties)
  // need not be: that is input nobody can be paid on, not a fault, and no figure may be shown rounded.
  try {
    const breakdown = calculate(input)
    return exact(breakdown) ? ok(breakdown) : err([TOO_LARGE])
  } catch (error) {
    if (error instanceof UnsafeIntegerError) return err([TOO_LARGE])
    throw error
  }
}

const TOO_LARGE: ValidationIssue = {
  path: '(root)',
  message:
    'These figures are too large to compute exactly (one passes 9,007,199,254,740,991): use a smaller budget, rate, quantity, adjustment, manual amount or penalty.',
}

/** Whether every number in the breakdown is exact: a sum past 2^53 rounds silently instead of failing. */
const exact = (value: unknown): boolean => {
  if (typeof value === 'number') return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value))
  if (value !== null && typeof value === 'object') return Object.values(value).every(exact)
  return true
}

function calculate(input: ProPayInput): ProPayBreakdown {
  const settings = resolveCostSettings(input.costSettings)
  const money = moneyFormatter(input.money)
  const labor = summarizeLabor(input.timeEntries, input.wageHistory, settings)
  const budget = computeBudget(
    input.budget,
    input.adjustment ?? NO_ADJUSTMENT,
    input.companyModifierBp ?? FULL_BP,
    labor,
  )
  const actualCents = laborCostCents(labor.counted)
  const disqualifiers = input.disqualifiers ?? []
  const penalties = input.penalties ?? []
  const disqualified = isDisqualified(disqualifiers)
  const savings = computeSavings(budget.breakdown.laborBudgetCents, actualCents, input.pool.splitBp, disqualified)

  const buckets = splitIntoBuckets(savings.workerShareCents, input.pool.bucketsBp)
  const allocation = allocateRoleBuckets({
    buckets,
    payable: savings.noBonusReason === null,
    people: input.people,
    otherRecipientIds: input.pool.otherRecipientIds,
    distribution: input.distribution,
    members: crewMembers(labor, input.people),
    penalties,
    money,
  })
  const workers = buildWorkerRows(labor, input.people, input.pool.otherRecipientIds, allocation)
  const payouts = payoutsOf(workers)

  return {
    version: 1,
    workState: deriveWorkState(input.milestones, input.timeEntries),
    budget: budget.breakdown,
    actual: {
      settings,
      seconds: labor.counted.seconds,
      costCents: actualCents,
      excludedDrive: {
        seconds: labor.excludedDrive.seconds,
        wouldCostCents: laborCostCents(labor.excludedDrive),
        byWorker: workers
          .filter((row) => row.excludedDriveSeconds > 0)
          .map((row) => ({
            workerId: row.workerId,
            seconds: row.excludedDriveSeconds,
            wouldCostCents: laborCostCents(labor.byWorker.get(row.workerId)!.excludedDrive),
          })),
      },
    },
    savings,
    safeguards: {
      disqualified,
      disqualifiers,
      penalties,
      penaltiesAppliedCents: allocation.penaltiesAppliedCents,
      penaltiesDeductedCents: allocation.crew.penaltiesDeductedCents,
    },
    buckets: BUCKET_ROLES.map((role) => ({
      role,
      poolBp: input.pool.bucketsBp[role],
      amountCents: buckets[role],
      recipientIds: allocation.recipientIds[role],
    })),
    crew: allocation.crew,
    workers,
    payouts,
    paidOutCents: payouts.reduce((sum, payout) => sum + payout.amountCents, 0),
    problems: [
      ...readinessProblems(input.milestones, labor, disqualifiers, penalties),
      ...allocation.problems,
    ],
    warnings: [...noBonusWarnings(savings, money), ...budget.warnings, ...allocation.warnings],
  }
}

function crewMembers(labor: LaborSummary, people: ProPayPeople): CrewMember[] {
  return [...labor.byWorker].map(([workerId, worker]) => ({
    workerId,
    seconds: worker.counted.seconds,
    baseWageSeconds: worker.counted.baseWageSeconds,
    isCrewLead: people.crewLeadIds.includes(workerId),
    bonusEligible: bonusExclusionOf(people, workerId) === null,
  }))
}
