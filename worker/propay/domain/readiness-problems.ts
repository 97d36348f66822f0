import type { Problem } from './issues'
import type { LaborSummary } from './labor-summary'
import { incompleteCoverageMessage, type MilestoneRef } from './milestones'
import type { Disqualifier, Penalty } from './safeguards'

/**
 * Problems that block approval whatever the figures: unfinished work, time without a wage, and safeguards not yet
 * resolved (docs/domain/propay.md §4.2: approval comes after resolving disqualifiers and penalties; §4.4: only once the
 * covered milestones are complete).
 */
export function readinessProblems(
  milestones: readonly MilestoneRef[],
  labor: LaborSummary,
  disqualifiers: readonly Disqualifier[],
  penalties: readonly Penalty[],
): Problem[] {
  const problems: Problem[] = []
  const incomplete = incompleteCoverageMessage(milestones)
  if (incomplete !== null) problems.push({ code: 'milestones_not_complete', message: incomplete })
  for (const { workerId, date } of labor.missingWages) {
    problems.push({
      code: 'missing_wage',
      message: `Worker ${workerId} has no wage in force on ${date}; that time is costed at $0 until a wage is added.`,
    })
  }
  for (const disqualifier of disqualifiers.filter((item) => item.outcome === 'unresolved')) {
    problems.push({
      code: 'unresolved_disqualifier',
      message: `Disqualifier "${disqualifier.label}" is not resolved: mark it pass or fail.`,
    })
  }
  for (const penalty of penalties.filter((item) => item.outcome === 'unresolved')) {
    problems.push({
      code: 'unresolved_penalty',
      message: `Penalty "${penalty.category}" is not resolved: apply or waive it.`,
    })
  }
  return problems
}
