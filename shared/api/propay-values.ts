/**
 * The value types of the ProPay engine as zod schemas: budgets, adjustments, pools, distributions, cost settings,
 * safeguards. Money is integer cents, percentages integer basis points (1% = 100), durations integer seconds.
 * The worker checks at compile time that these match its domain types.
 * @module
 */
import { z } from 'zod'

const whole = (what: string) => z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`)
const nonNegative = (what: string) => whole(what).min(0, `${what} must be 0 or more`)
/** Basis points from 0 to 100% (10000). */
const percentBp = (what: string) => nonNegative(what).max(10_000, `${what} must be at most 10000 (100%)`)

const realDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}
/** A calendar date `YYYY-MM-DD`. */
export const IsoDate = z
  .string({ error: 'must be a YYYY-MM-DD date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date')
  .refine(realDate, 'must be a real calendar date')

const id = z.string().trim().min(1, 'must be a non-empty id').max(200)

export const BUDGET_TYPES = ['hours', 'amount', 'contract_price', 'rate', 'task_hours', 'task_amount'] as const
export const BudgetType = z.enum(BUDGET_TYPES)

/** A labor budget by type (docs/domain/propay.md §5.1); hours are person-hours in seconds. */
export const BudgetSpec = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hours'), budgetSeconds: nonNegative('budgetSeconds') }),
  z.object({ type: z.literal('amount'), amountCents: nonNegative('amountCents') }),
  z.object({
    type: z.literal('contract_price'),
    contractPriceCents: nonNegative('contractPriceCents'),
    laborBudgetBp: percentBp('laborBudgetBp'),
  }),
  z.object({
    type: z.literal('rate'),
    rateCentsPerUnit: nonNegative('rateCentsPerUnit'),
    quantity: z.string().regex(/^\d+(\.\d+)?$/, "quantity must be a decimal written as text, like '1250.5'"),
  }),
  z.object({
    type: z.literal('task_hours'),
    tasks: z.array(z.object({ taskId: id, budgetSeconds: nonNegative('budgetSeconds') })).min(1, 'needs at least one task').readonly(),
  }),
  z.object({
    type: z.literal('task_amount'),
    tasks: z.array(z.object({ taskId: id, amountCents: nonNegative('amountCents') })).min(1, 'needs at least one task').readonly(),
  }),
])
export type BudgetSpec = z.infer<typeof BudgetSpec>

/** A budget adjustment on one ProPay (docs/domain/propay.md §5.2); `none` restores the original budget. */
export const BudgetAdjustment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('percentage_increase'), bp: nonNegative('bp') }),
  z.object({ kind: z.literal('percentage_decrease'), bp: percentBp('bp') }),
  z.object({ kind: z.literal('multiply'), factorBp: nonNegative('factorBp') }),
  z.object({ kind: z.literal('manual_amount'), amountCents: nonNegative('amountCents') }),
  z.object({ kind: z.literal('manual_hours'), seconds: nonNegative('seconds') }),
])
export type BudgetAdjustment = z.infer<typeof BudgetAdjustment>

export const BUCKET_ROLES = ['crew', 'crew_lead', 'manager', 'company', 'other'] as const
export const PAYOUT_ROLES = ['crew', 'crew_lead', 'manager', 'other'] as const
export const PayoutRole = z.enum(PAYOUT_ROLES)
export type PayoutRole = z.infer<typeof PayoutRole>

/** The bonus pool: split job savings % and the five role buckets, which must total 100% (docs/domain/propay.md §7). */
export const PoolConfig = z.object({
  splitBp: percentBp('splitBp'),
  bucketsBp: z.object({
    crew: percentBp('crew'),
    crew_lead: percentBp('crew_lead'),
    manager: percentBp('manager'),
    company: percentBp('company'),
    other: percentBp('other'),
  }),
  otherRecipientIds: z.array(id).max(100).readonly(),
})
export type PoolConfig = z.infer<typeof PoolConfig>

export const DISTRIBUTION_TYPES = ['equal_rate', 'equal_weighted', 'crew_lead_weighted', 'manual'] as const
export const DistributionType = z.enum(DISTRIBUTION_TYPES)

/**
 * How the crew bucket is divided (docs/domain/propay.md §8); manual amounts are per vendor worker id and must sum to
 * the bucket.
 */
export const DistributionConfig = z.discriminatedUnion('type', [
  z.object({ type: z.literal('equal_rate') }),
  z.object({ type: z.literal('equal_weighted') }),
  z.object({ type: z.literal('crew_lead_weighted'), leadFactorBp: whole('leadFactorBp').min(1, 'leadFactorBp must be at least 1') }),
  z.object({ type: z.literal('manual'), amountsCents: z.record(id, nonNegative('amount')) }),
])
export type DistributionConfig = z.infer<typeof DistributionConfig>

/** Which costs count as labor (docs/domain/propay.md §6 step 2, §10); all excluded by default. */
export const CostSettings = z.object({
  includeDriveTime: z.boolean(),
  includeBurden: z.boolean(),
  includeOvertimePremium: z.boolean(),
})
export type CostSettings = z.infer<typeof CostSettings>

export const DisqualifierOutcome = z.enum(['pass', 'fail', 'unresolved'])
export const PenaltyOutcome = z.enum(['applied', 'waived', 'unresolved'])

export const Disqualifier = z.object({ id, label: z.string().min(1).max(200), outcome: DisqualifierOutcome })
export type Disqualifier = z.infer<typeof Disqualifier>
export const Penalty = z.object({
  id,
  category: z.string().min(1).max(200),
  amountCents: nonNegative('amountCents'),
  outcome: PenaltyOutcome,
})
export type Penalty = z.infer<typeof Penalty>

export const Weekday = z.enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'])

/** How pay periods are cut (docs/domain/propay.md §13). */
export const PayPeriodConfig = z.discriminatedUnion('frequency', [
  z.object({ frequency: z.literal('weekly'), startWeekday: Weekday }),
  z.object({ frequency: z.literal('biweekly'), anchorStart: IsoDate }),
  z.object({ frequency: z.literal('semi_monthly'), startDay: whole('startDay').min(1).max(13) }),
  z.object({ frequency: z.literal('monthly'), startDay: whole('startDay').min(1).max(28) }),
])
export type PayPeriodConfig = z.infer<typeof PayPeriodConfig>

/** How long new line items stay held (docs/domain/propay.md §9, §13). */
export const HoldPolicy = z.object({
  waitingPeriodDays: nonNegative('waitingPeriodDays').max(3650),
  retentionDays: z.object({
    crew: nonNegative('crew').max(3650),
    crew_lead: nonNegative('crew_lead').max(3650),
    manager: nonNegative('manager').max(3650),
    other: nonNegative('other').max(3650),
  }),
})
export type HoldPolicy = z.infer<typeof HoldPolicy>

export const PostingPeriod = z.enum(['current', 'previous'])

export const ExclusionRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('service_type'), serviceType: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('invoice_type'), invoiceType: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('name_pattern'), pattern: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('property'), propertyId: z.string().min(1).max(200) }),
])
export type ExclusionRule = z.infer<typeof ExclusionRule>
