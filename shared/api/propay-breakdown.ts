/**
 * The breakdown of one ProPay — every figure of the calculation with how it was reached — as the extension renders
 * it. Codes are plain strings so a newer server can add one without breaking an older extension.
 * @module
 */
import { z } from 'zod'
import { BudgetAdjustment, BudgetSpec, CostSettings, Disqualifier, DistributionType, Penalty, PayoutRole } from './propay-values'

const cents = z.number().int()
const seconds = z.number().int()

export const BudgetFigure = z.object({
  unit: z.enum(['hours', 'amount']),
  seconds: seconds.nullable(),
  cents: cents.nullable(),
})

export const TaskBudgetRow = z.object({
  taskId: z.string(),
  budgetSeconds: seconds.nullable(),
  budgetCents: cents.nullable(),
  actualSeconds: seconds,
  actualCostCents: cents,
  blendedWageCentsPerHour: cents.nullable(),
})

export const BudgetBreakdown = z.object({
  type: z.string(),
  inputs: BudgetSpec,
  tasks: z.array(TaskBudgetRow).nullable(),
  base: BudgetFigure,
  modifierBp: z.number().int(),
  afterModifier: BudgetFigure,
  adjustment: BudgetAdjustment,
  effective: BudgetFigure,
  blendedWageCentsPerHour: cents.nullable(),
  /** What savings are measured against; `null` while an hours budget cannot be priced (no time yet). */
  laborBudgetCents: cents.nullable(),
})

export const Problem = z.object({ code: z.string(), message: z.string() })
export type Problem = z.infer<typeof Problem>

export const WorkerBreakdown = z.object({
  /** The vendor's worker id within the ProPay's connection. */
  workerId: z.string(),
  isCrewLead: z.boolean(),
  isManager: z.boolean(),
  isOtherRecipient: z.boolean(),
  bonusExclusion: z.enum(['bonus_removed', 'excluded']).nullable(),
  seconds,
  excludedDriveSeconds: seconds,
  costCents: cents,
  wageCentsPerHour: cents.nullable(),
  weight: z.string().nullable(),
  shares: z.object({ crew: cents, crew_lead: cents, manager: cents, other: cents }),
  totalCents: cents,
})
export type WorkerBreakdown = z.infer<typeof WorkerBreakdown>

export const Payout = z.object({ workerId: z.string(), role: PayoutRole, amountCents: cents })
export type Payout = z.infer<typeof Payout>

export const ProPayBreakdown = z.object({
  version: z.literal(1),
  workState: z.enum(['pending', 'started', 'complete']),
  budget: BudgetBreakdown,
  actual: z.object({
    settings: CostSettings,
    seconds,
    costCents: cents,
    excludedDrive: z.object({
      seconds,
      wouldCostCents: cents,
      byWorker: z.array(z.object({ workerId: z.string(), seconds, wouldCostCents: cents })),
    }),
  }),
  savings: z.object({
    savedCents: cents.nullable(),
    splitBp: z.number().int(),
    workerShareCents: cents,
    noBonusReason: z.enum(['disqualified', 'over_budget', 'budget_not_priced']).nullable(),
  }),
  safeguards: z.object({
    disqualified: z.boolean(),
    disqualifiers: z.array(Disqualifier).readonly(),
    penalties: z.array(Penalty).readonly(),
    penaltiesAppliedCents: cents,
    penaltiesDeductedCents: cents,
  }),
  buckets: z.array(
    z.object({
      role: z.enum(['crew', 'crew_lead', 'manager', 'company', 'other']),
      poolBp: z.number().int(),
      amountCents: cents,
      recipientIds: z.array(z.string()),
    }),
  ),
  crew: z.object({
    distribution: DistributionType,
    leadFactorBp: z.number().int().nullable(),
    bucketCents: cents,
    fromCrewLeadCents: cents,
    penaltiesDeductedCents: cents,
    distributableCents: cents,
    totalWeight: z.string().nullable(),
    distributedCents: cents,
    unallocatedCents: cents,
  }),
  workers: z.array(WorkerBreakdown),
  payouts: z.array(Payout),
  /**
   * Σ of the payouts this ProPay's figures come to: what approval would turn into statement lines. Despite the name
   * it is not money already paid: on an active (unapproved) ProPay it is a projection that moves with each sync;
   * once approved it is fixed; it is paid only when the statements holding it are marked paid (`/statements`).
   */
  paidOutCents: cents,
  problems: z.array(Problem),
  warnings: z.array(Problem),
})
export type ProPayBreakdown = z.infer<typeof ProPayBreakdown>
