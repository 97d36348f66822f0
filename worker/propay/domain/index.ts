/**
 * @module
 * The ProPay bonus domain: pure functions (no I/O, no clock) that turn a ProPay's budget, time and settings into a
 * bonus, explain every figure, and decide what the ProPay and its line items may do next. Built to
 * `docs/domain/propay.md`; money is integer cents, percentages integer basis points, durations integer seconds.
 *
 * Main entry points:
 * - {@link calculateProPay}: the calculation and its JSON {@link ProPayBreakdown};
 * - {@link transitionProPay} / {@link transitionLineItem}: lifecycles, returning the next state or a typed error;
 * - {@link buildApprovalLineItems} and {@link assignStatement}: what approval creates and where it posts;
 * - {@link proPayScopes}: the unique keys that keep one ProPay per job or milestone.
 */

export type { Cents, BasisPoints, Seconds, IsoDate } from './units'
export { FULL_BP, SECONDS_PER_HOUR } from './units'
export type { Result } from './result'
export type { ValidationIssue } from './validation-issue'
export type { Problem, ProblemCode, Warning, WarningCode } from './issues'
export { PROBLEM_CODES, WARNING_CODES } from './issues'

// Jobs, milestones, scopes and creation
export type { JobRef, JobStatus, MilestoneRef, MilestoneStatus } from './milestones'
export {
  JOB_STATUSES,
  MILESTONE_STATUSES,
  incompleteCoverageMessage,
  incompleteMilestones,
  isCoverageComplete,
  isMilestoneDone,
} from './milestones'
export type { ProPayScope } from './scope-keys'
export { proPayScopes, scopeKeyForMilestone } from './scope-keys'
export type { WorkState } from './work-state'
export { WORK_STATES, deriveWorkState } from './work-state'
export type {
  CreationContext,
  CreationSubject,
  ExclusionReason,
  ExclusionRule,
  IneligibleReason,
} from './creation-eligibility'
export { checkCreationEligibility, exclusionReason } from './creation-eligibility'

// Calculation inputs
export type { ProPayInput } from './propay-input'
export type {
  AdjustmentKind,
  BudgetAdjustment,
  BudgetSpec,
  BudgetType,
  TaskAmountLine,
  TaskHoursLine,
} from './budget-types'
export {
  ADJUSTMENT_KINDS,
  BUDGET_TYPES,
  MAX_BUDGET_MODIFIER_BP,
  MIN_BUDGET_MODIFIER_BP,
  NO_ADJUSTMENT,
} from './budget-types'
export type { DecimalString } from './decimal'
export type { CostSettings, TimeEntry, TimeKind } from './time-entry'
export { DEFAULT_COST_SETTINGS, DEFAULT_OVERTIME_MULTIPLIER_BP, TIME_KINDS, resolveCostSettings } from './time-entry'
export type { WageLookup, WageRecord } from './wage-history'
export { createWageLookup } from './wage-history'
export type { PoolConfig } from './pool'
export { splitIntoBuckets, validatePool } from './pool'
export type { BucketRole, PayoutRole } from './roles'
export { BUCKET_ROLES, PAYOUT_ROLES } from './roles'
export type { CrewDistribution, CrewMember, CrewShare, DistributionConfig, DistributionType } from './distribution'
export { DISTRIBUTION_TYPES, crewWeight, distributeCrewBucket } from './distribution'
export type { BonusExclusion, ProPayPeople } from './propay-people'
export type { Disqualifier, DisqualifierOutcome, Penalty, PenaltyOutcome } from './safeguards'
export { DISQUALIFIER_OUTCOMES, PENALTY_OUTCOMES } from './safeguards'
export type { Allocation, WeightedPart } from './largest-remainder'
export { splitByLargestRemainder } from './largest-remainder'

// Calculation and breakdown
export { calculateProPay } from './calculate-propay'
export { validateProPayInput } from './validate-propay-input'
export { validateAdjustment, validateBudgetModifier, validateBudgetSpec } from './validate-budget'
export type { BudgetBreakdown } from './budget'
export { hasValidBudget } from './budget'
export type { BudgetFigure } from './budget-quantity'
export type { TaskBudgetRow } from './budget-base'
export type {
  ActualLaborBreakdown,
  BucketBreakdown,
  CrewBucketBreakdown,
  NoBonusReason,
  Payout,
  ProPayBreakdown,
  SafeguardsBreakdown,
  SavingsBreakdown,
  WorkerBreakdown,
} from './breakdown'
export type { OvertimeWeekAdjustment, WorkweekHours } from './overtime-adjustment'
export { overtimeAdjustment } from './overtime-adjustment'

// Lifecycles
export type { ProPayLifecycle, ProPayStatus } from './propay-status'
export { PROPAY_STATUSES, newProPayLifecycle } from './propay-status'
export type { LifecycleError, ProPayAction, ProPayEffect, ProPayTransition } from './propay-lifecycle'
export { LIFECYCLE_ERROR_CODES, transitionProPay } from './propay-lifecycle'
export type { FieldLockedError, ProPayField } from './edit-rules'
export { PROPAY_FIELDS, checkFieldEditable } from './edit-rules'
export type { HoldReason, LineItemAction, LineItemError, LineItemState, LineItemStatus } from './line-item-lifecycle'
export { HOLD_REASONS, LINE_ITEM_STATUSES, transitionLineItem } from './line-item-lifecycle'

// Approval output: line items and statements
export type { ApprovalLineItemsInput, BonusLineItem, HoldPolicy } from './approval-line-items'
export { NO_HOLD, buildApprovalLineItems, lineItemIdempotencyKey } from './approval-line-items'
export type { PayPeriod, PayPeriodConfig } from './pay-period'
export { payPeriodContaining, previousPayPeriod } from './pay-period'
export { validatePayPeriodConfig } from './validate-pay-period'
export type { PostingPeriod, StatementAssignment } from './statement-assignment'
export { assignStatement } from './statement-assignment'
export type { Weekday } from './iso-date'
export { WEEKDAYS, isIsoDate } from './iso-date'
export type { NettingPolicy, OverageShare, OverageWeight, StatementFigures, StatementNet } from './negative-netting'
export { NETTING_OFF, netStatement, splitOverage } from './negative-netting'
export type { NewAdjustment, StatementAdjustmentError, StatementAdjustmentKind, StatementAdjustmentTarget } from './statement-adjustments'
export { PURPOSE_MAX_LENGTH, STATEMENT_ADJUSTMENT_KINDS, checkAdjustment } from './statement-adjustments'
export type { PayrollCsvRow } from './payroll-csv'
export { centsToDecimal, csvField, csvRow, payrollCsvHead, payrollCsvRow, UTF8_BOM } from './payroll-csv'
export type { OverageLineItemsInput } from './overage-line-items'
export { buildOverageLineItems, overageIdempotencyKey, overageSharesOf, overageWeightsOf } from './overage-line-items'
