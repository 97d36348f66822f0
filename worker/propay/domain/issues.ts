/**
 * Things the breakdown reports besides figures. A *problem* blocks approval until fixed; a *warning* explains a
 * figure (e.g. why the bonus is $0) and blocks nothing.
 */

export const PROBLEM_CODES = [
  'milestones_not_complete',
  'missing_wage',
  'unresolved_disqualifier',
  'unresolved_penalty',
  'zero_total_weight',
  'manual_sum_mismatch',
  'manual_amount_for_ineligible_worker',
  'no_eligible_other_recipient',
] as const
export type ProblemCode = (typeof PROBLEM_CODES)[number]

export const WARNING_CODES = [
  'disqualified',
  'over_budget',
  'budget_not_priced',
  'crew_lead_bucket_to_crew',
  'penalties_exceed_crew_bucket',
  'task_without_time',
  'time_outside_tasks',
] as const
export type WarningCode = (typeof WARNING_CODES)[number]

export interface Problem {
  readonly code: ProblemCode
  /** Written for the manager: what is wrong and what to do. */
  readonly message: string
}

export interface Warning {
  readonly code: WarningCode
  readonly message: string
}
