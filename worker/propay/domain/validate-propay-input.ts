import { NO_ADJUSTMENT } from './budget-types'
import { DISTRIBUTION_TYPES, type DistributionConfig } from './distribution'
import { isIsoDate } from './iso-date'
import { MILESTONE_STATUSES } from './milestones'
import { validatePool } from './pool'
import type { ProPayInput } from './propay-input'
import { DISQUALIFIER_OUTCOMES, PENALTY_OUTCOMES } from './safeguards'
import { TIME_KINDS, type TimeEntry } from './time-entry'
import { FULL_BP } from './units'
import { validateAdjustment, validateBudgetModifier, validateBudgetSpec } from './validate-budget'
import { checkId, checkInteger, found, type ValidationIssue } from './validation-issue'
import type { WageRecord } from './wage-history'

const NON_NEGATIVE = { min: 0 }

/**
 * Finds every input the calculation cannot work with (wrong units, pool not totalling 100%, unknown states …).
 * An empty list means {@link calculateProPay} will compute; conditions a manager can fix later (missing wage,
 * manual amounts that do not add up) are reported as breakdown problems instead.
 */
export function validateProPayInput(input: ProPayInput): ValidationIssue[] {
  return [
    ...validateBudgetSpec(input.budget),
    ...validateAdjustment(input.adjustment ?? NO_ADJUSTMENT),
    ...validateBudgetModifier(input.companyModifierBp ?? FULL_BP),
    ...input.milestones.flatMap((milestone, index) =>
      found(
        checkId(milestone.id, `milestones[${index}].id`),
        oneOf(milestone.status, MILESTONE_STATUSES, `milestones[${index}].status`),
      ),
    ),
    ...input.timeEntries.flatMap((entry, index) => validateTimeEntry(entry, `timeEntries[${index}]`)),
    ...input.wageHistory.flatMap((record, index) => validateWageRecord(record, `wageHistory[${index}]`)),
    ...duplicateWageDates(input.wageHistory),
    ...validatePool(input.pool),
    ...validateDistribution(input.distribution),
    ...found(checkId(input.people.managerId, 'people.managerId')),
    ...input.people.crewLeadIds.flatMap((id, index) => found(checkId(id, `people.crewLeadIds[${index}]`))),
    ...(input.disqualifiers ?? []).flatMap((item, index) =>
      found(
        checkId(item.id, `disqualifiers[${index}].id`),
        oneOf(item.outcome, DISQUALIFIER_OUTCOMES, `disqualifiers[${index}].outcome`),
      ),
    ),
    ...(input.penalties ?? []).flatMap((item, index) =>
      found(
        checkId(item.id, `penalties[${index}].id`),
        checkInteger(item.amountCents, `penalties[${index}].amountCents`, NON_NEGATIVE),
        oneOf(item.outcome, PENALTY_OUTCOMES, `penalties[${index}].outcome`),
      ),
    ),
  ]
}

function validateTimeEntry(entry: TimeEntry, path: string): ValidationIssue[] {
  return found(
    checkId(entry.id, `${path}.id`),
    checkId(entry.workerId, `${path}.workerId`),
    checkDate(entry.date, `${path}.date`),
    checkInteger(entry.seconds, `${path}.seconds`, NON_NEGATIVE),
    oneOf(entry.kind, TIME_KINDS, `${path}.kind`),
    checkInteger(entry.overtimeSeconds ?? 0, `${path}.overtimeSeconds`, { min: 0, max: entry.seconds }),
    checkInteger(entry.overtimeMultiplierBp ?? FULL_BP, `${path}.overtimeMultiplierBp`, { min: FULL_BP }),
  )
}

function validateWageRecord(record: WageRecord, path: string): ValidationIssue[] {
  return found(
    checkId(record.workerId, `${path}.workerId`),
    checkDate(record.effectiveFrom, `${path}.effectiveFrom`),
    checkInteger(record.wageCentsPerHour, `${path}.wageCentsPerHour`, NON_NEGATIVE),
    checkInteger(record.burdenBp ?? 0, `${path}.burdenBp`, NON_NEGATIVE),
  )
}

/** Two wages from the same day would make "the wage in force" ambiguous. */
function duplicateWageDates(history: readonly WageRecord[]): ValidationIssue[] {
  const seen = new Set<string>()
  return history.flatMap((record, index) => {
    const key = `${record.workerId}\u0000${record.effectiveFrom}`
    if (!seen.has(key)) return (seen.add(key), [])
    return [
      {
        path: `wageHistory[${index}]`,
        message: `Worker ${record.workerId} has two wages effective from ${record.effectiveFrom}`,
      },
    ]
  })
}

function validateDistribution(config: DistributionConfig): ValidationIssue[] {
  const type = oneOf(config.type, DISTRIBUTION_TYPES, 'distribution.type')
  if (type) return [type]
  if (config.type === 'crew_lead_weighted') {
    return found(checkInteger(config.leadFactorBp, 'distribution.leadFactorBp', { min: 1 }))
  }
  if (config.type === 'manual') {
    return Object.entries(config.amountsCents).flatMap(([workerId, amount]) =>
      found(checkInteger(amount, `distribution.amountsCents.${workerId}`, NON_NEGATIVE)),
    )
  }
  return []
}

const checkDate = (value: unknown, path: string): ValidationIssue | null =>
  isIsoDate(value) ? null : { path, message: `${path} must be a YYYY-MM-DD date` }

function oneOf(value: unknown, allowed: readonly string[], path: string): ValidationIssue | null {
  return allowed.includes(value as string) ? null : { path, message: `${path} must be one of ${allowed.join(', ')}` }
}
