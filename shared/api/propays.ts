/**
 * ProPays over the API (docs/domain/propay.md §4–§13): creation, the live breakdown, edits while active, approval into
 * line items, unapproval, cancel and restore. Admins and managers see everything; crew leads and workers see only the
 * ProPays they are on, with only their own figures (`visibility: 'own'`).
 * @module
 */
import { z } from 'zod'
import { Vendor } from './connections'
import { Payout, Problem, ProPayBreakdown, WorkerBreakdown } from './propay-breakdown'
import {
  BudgetAdjustment,
  BudgetSpec,
  CostSettings,
  Disqualifier,
  DistributionConfig,
  HoldPolicy,
  IsoDate,
  Penalty,
  PoolConfig,
  PostingPeriod,
} from './propay-values'
import { LineItemView } from './statements'

export { ProPayBreakdown, WorkerBreakdown, Payout, Problem } from './propay-breakdown'
export * from './propay-values'

export const ProPayStatus = z.enum(['active', 'approved', 'paid', 'canceled', 'deleted'])
export type ProPayStatus = z.infer<typeof ProPayStatus>

export const WorkState = z.enum(['pending', 'started', 'complete'])

/** Headline figures, for admins and managers only. */
export const ProPayFigures = z.object({
  budgetSeconds: z.number().int().nullable(),
  budgetCents: z.number().int().nullable(),
  actualSeconds: z.number().int(),
  actualCents: z.number().int(),
  savedCents: z.number().int().nullable(),
  /** The workers' part of the savings (split job savings %): the bonus pool so far. */
  bonusPoolCents: z.number().int(),
  /**
   * Σ of the payouts this ProPay's figures come to: what approval would turn into statement lines. Despite the name
   * it is not money already paid: on an active (unapproved) ProPay it is a projection that moves with each sync;
   * once approved it is fixed; it is paid only when the statements holding it are marked paid (`/statements`).
   */
  paidOutCents: z.number().int(),
})
export type ProPayFigures = z.infer<typeof ProPayFigures>

export const ProPaySummary = z.object({
  id: z.string(),
  status: ProPayStatus,
  /** `job`: a non-recurring job, all its milestones; `milestone`: one visit of a recurring job. */
  kind: z.enum(['job', 'milestone']),
  scopeKey: z.string(),
  origin: z.enum(['auto', 'manual']),
  connectionId: z.string(),
  vendor: Vendor.nullable(),
  job: z.object({
    /** Our row id (for `/api/v1/jobs/:id`); null when the vendor record is gone. */
    id: z.string().nullable(),
    externalId: z.string(),
    number: z.string().nullable(),
    name: z.string().nullable(),
  }),
  milestone: z
    .object({ id: z.string().nullable(), externalId: z.string(), number: z.string().nullable(), name: z.string().nullable() })
    .nullable(),
  managerUserId: z.string().nullable(),
  /** The vendor worker who receives the manager bucket. */
  managerWorkerId: z.string().nullable(),
  /** The job's branch as synced (vendor id, name when the branch is synced); null when the job names none. */
  branch: z.object({ externalId: z.string(), name: z.string().nullable() }).nullable(),
  /**
   * Who manages it, with a name to show: the ProPay's manager (a Protiv user) when set, else the job's manager as
   * synced from the vendor (a vendor worker, `userId` null). Null when neither is known.
   */
  manager: z.object({ userId: z.string().nullable(), workerId: z.string().nullable(), name: z.string().nullable() }).nullable(),
  approvalRound: z.number().int(),
  approvalDate: z.string().nullable(),
  workState: WorkState.nullable(),
  /** Whether it can be approved now (active, work complete, nothing blocking). */
  approvable: z.boolean(),
  /** What stands in the way of approval, in words a manager can act on. Empty in the `own` view. */
  blockers: z.array(Problem),
  /** Null in the `own` view. */
  figures: ProPayFigures.nullable(),
  /** The caller's own bonus on it (crew leads and workers); null for admins and managers. */
  myBonusCents: z.number().int().nullable(),
  /** Set when something changed at the vendor after approval (un-completed or deleted work). */
  attention: z.string().nullable(),
  computedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ProPaySummary = z.infer<typeof ProPaySummary>

export const StoredPeople = z.object({
  /** null = the covered milestones' crew leaders, as synced. */
  crewLeadIds: z.array(z.string()).nullable(),
  excludedWorkerIds: z.array(z.string()),
  bonusRemovedWorkerIds: z.array(z.string()),
})

export const ProPaySettings = z.object({
  /** The ProPay's own budget; null = the budget synced from the vendor (see `budgetSource`). */
  budget: BudgetSpec.nullable(),
  /** Where the budget in use comes from: `propay` or a synced field, e.g. `milestone.estimated_seconds`. */
  budgetSource: z.string().nullable(),
  adjustment: BudgetAdjustment,
  budgetModifierBp: z.number().int(),
  pool: PoolConfig,
  distribution: DistributionConfig,
  costSettings: CostSettings,
  people: StoredPeople,
  disqualifiers: z.array(Disqualifier),
  penalties: z.array(Penalty),
  holdPolicy: HoldPolicy,
  postingPeriod: PostingPeriod,
})

export const ProPayDetail = ProPaySummary.extend({
  visibility: z.enum(['full', 'own']),
  /** Null in the `own` view. */
  settings: ProPaySettings.nullable(),
  /** Null in the `own` view, or when the inputs cannot be computed (see `calculationIssues`). */
  breakdown: ProPayBreakdown.nullable(),
  calculationIssues: z.array(z.object({ path: z.string(), message: z.string() })),
  /** The caller's own rows and payouts (the `own` view). */
  mine: z.object({ workers: z.array(WorkerBreakdown), payouts: z.array(Payout), totalCents: z.number().int() }).nullable(),
  /** Vendor worker id → name, for the ids in the breakdown. */
  workerNames: z.record(z.string(), z.string()),
  lineItems: z.array(LineItemView),
})
export type ProPayDetail = z.infer<typeof ProPayDetail>

export const ProPayList = z.object({ propays: z.array(ProPaySummary) })

export type ProPayList = z.infer<typeof ProPayList>

export const ListProPaysQuery = z
  .object({
    status: ProPayStatus.optional(),
    /** Our job row id, or use `vendor`/`connectionId` with `externalId`. */
    jobId: z.string().min(1).max(100).optional(),
    vendor: Vendor.optional(),
    connectionId: z.string().min(1).max(100).optional(),
    externalId: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .refine((q) => q.externalId === undefined || q.vendor !== undefined || q.connectionId !== undefined, {
    message: 'externalId needs vendor or connectionId',
    path: ['externalId'],
  })
export type ListProPaysQuery = z.input<typeof ListProPaysQuery>

export const CreateProPayRequest = z.object({
  connectionId: z.string({ error: 'connectionId is required' }).min(1).max(100),
  jobExternalId: z.string({ error: 'jobExternalId is required' }).min(1).max(200),
  /** Required for a recurring job (one ProPay per visit); for a non-recurring job the ProPay covers the whole job. */
  milestoneExternalId: z.string().min(1).max(200).optional(),
  /** An admin or manager of the organisation; defaults to the caller when a manager creates it. */
  managerUserId: z.string().min(1).max(100).optional(),
  /** Defaults to the budget synced from the vendor. */
  budget: BudgetSpec.optional(),
})
export type CreateProPayRequest = z.input<typeof CreateProPayRequest>

export const UpdateProPayRequest = z
  .object({
    /** null goes back to the synced budget. */
    budget: BudgetSpec.nullable().optional(),
    adjustment: BudgetAdjustment.optional(),
    pool: PoolConfig.optional(),
    /** Manual amounts go here: `{ type: 'manual', amountsCents: { <workerId>: cents } }`. */
    distribution: DistributionConfig.optional(),
    costSettings: CostSettings.partial().optional(),
    people: z
      .object({
        managerUserId: z.string().min(1).max(100).optional(),
        managerWorkerId: z.string().min(1).max(200).nullable().optional(),
        crewLeadIds: z.array(z.string().min(1).max(200)).max(100).nullable().optional(),
        excludedWorkerIds: z.array(z.string().min(1).max(200)).max(500).optional(),
        bonusRemovedWorkerIds: z.array(z.string().min(1).max(200)).max(500).optional(),
      })
      .optional(),
    safeguards: z
      .object({ disqualifiers: z.array(Disqualifier).max(100).optional(), penalties: z.array(Penalty).max(100).optional() })
      .optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), 'send at least one setting to change')
export type UpdateProPayRequest = z.input<typeof UpdateProPayRequest>

export const ApproveProPayRequest = z.object({
  /** Defaults to today in the organisation's time zone; it picks the pay period of the line items. */
  approvalDate: IsoDate.optional(),
  /** Resolve the ProPay's disqualifiers by id. */
  disqualifiers: z.array(z.object({ id: z.string().min(1), outcome: z.enum(['pass', 'fail']) })).max(100).optional(),
  /** Resolve its penalties by id; `amountCents` sets a penalty's amount at approval. */
  penalties: z
    .array(z.object({ id: z.string().min(1), outcome: z.enum(['applied', 'waived']), amountCents: z.number().int().min(0).optional() }))
    .max(100)
    .optional(),
})
export type ApproveProPayRequest = z.input<typeof ApproveProPayRequest>
