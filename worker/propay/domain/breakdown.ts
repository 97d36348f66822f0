import type { BudgetBreakdown } from './budget'
import type { DistributionType } from './distribution'
import type { Problem, Warning } from './issues'
import type { BonusExclusion } from './propay-people'
import type { BucketRole, PayoutRole } from './roles'
import type { Disqualifier, Penalty } from './safeguards'
import type { CostSettings } from './time-entry'
import type { BasisPoints, Cents, Seconds } from './units'
import type { WorkState } from './work-state'

/**
 * The explanation of every figure of one ProPay, as the extension renders it. Plain JSON: integers, strings,
 * booleans, arrays and `null` only (large weights are decimal strings), so it survives `JSON.stringify` unchanged.
 */
export interface ProPayBreakdown {
  readonly version: 1
  readonly workState: WorkState
  readonly budget: BudgetBreakdown
  readonly actual: ActualLaborBreakdown
  readonly savings: SavingsBreakdown
  readonly safeguards: SafeguardsBreakdown
  /** The five buckets in the spec's order. */
  readonly buckets: BucketBreakdown[]
  readonly crew: CrewBucketBreakdown
  /** Everyone who logged time or receives a bucket, by ascending worker id. */
  readonly workers: WorkerBreakdown[]
  /** Non-zero amounts to pay, one per (worker, role): what approval turns into line items. */
  readonly payouts: Payout[]
  /** Σ of `payouts`: to be paid out on approval, not money already paid (see `ProPayFigures.paidOutCents`). */
  readonly paidOutCents: Cents
  /** Reasons approval is blocked; approval needs this empty. */
  readonly problems: Problem[]
  readonly warnings: Warning[]
}

export interface ActualLaborBreakdown {
  readonly settings: CostSettings
  /** Time counted as labor. */
  readonly seconds: Seconds
  /** Σ(seconds × wage) ÷ 3600, rounded half-up once (docs/domain/propay.md §12). */
  readonly costCents: Cents
  /**
   * Drive time left out of labor cost, listed separately (docs/domain/propay.md §10); empty when drive time is
   * included.
   */
  readonly excludedDrive: {
    readonly seconds: Seconds
    readonly wouldCostCents: Cents
    readonly byWorker: { readonly workerId: string; readonly seconds: Seconds; readonly wouldCostCents: Cents }[]
  }
}

/** Why nothing is paid, when nothing is. */
export type NoBonusReason = 'disqualified' | 'over_budget' | 'budget_not_priced'

export interface SavingsBreakdown {
  /** labor budget − actual labor; negative when over budget; `null` while an hours budget cannot be priced. */
  readonly savedCents: Cents | null
  readonly splitBp: BasisPoints
  /** floor(saved × split); 0 when there is no bonus. */
  readonly workerShareCents: Cents
  readonly noBonusReason: NoBonusReason | null
}

export interface SafeguardsBreakdown {
  readonly disqualified: boolean
  readonly disqualifiers: readonly Disqualifier[]
  readonly penalties: readonly Penalty[]
  /** Σ of applied penalties. */
  readonly penaltiesAppliedCents: Cents
  /** The part the crew bucket could absorb (it is floored at $0). */
  readonly penaltiesDeductedCents: Cents
}

export interface BucketBreakdown {
  readonly role: BucketRole
  readonly poolBp: BasisPoints
  readonly amountCents: Cents
  /** Who receives it; empty for the company bucket and for a crew lead bucket moved to the crew bucket. */
  readonly recipientIds: string[]
}

export interface CrewBucketBreakdown {
  readonly distribution: DistributionType
  /** k for Crew Lead Weighted, else `null`. */
  readonly leadFactorBp: BasisPoints | null
  readonly bucketCents: Cents
  /** The crew lead bucket, when there is no eligible crew lead to take it (docs/domain/propay.md §7 **Open**). */
  readonly fromCrewLeadCents: Cents
  readonly penaltiesDeductedCents: Cents
  /** bucket + from crew lead − penalties: what is divided among the crew. */
  readonly distributableCents: Cents
  /** Σ weights as a decimal string; `null` under manual distribution. */
  readonly totalWeight: string | null
  readonly distributedCents: Cents
  /** Left undivided because of a problem (Σw = 0, manual amounts off); negative if manual amounts exceed it. */
  readonly unallocatedCents: Cents
}

export interface WorkerBreakdown {
  readonly workerId: string
  readonly isCrewLead: boolean
  readonly isManager: boolean
  readonly isOtherRecipient: boolean
  readonly bonusExclusion: BonusExclusion | null
  /** Time counted as labor. */
  readonly seconds: Seconds
  readonly excludedDriveSeconds: Seconds
  /** Cost of the counted time, rounded for display. */
  readonly costCents: Cents
  /** Time-weighted base wage over the counted time (wages can change mid-ProPay); `null` without time. */
  readonly wageCentsPerHour: Cents | null
  /**
   * Crew distribution weight as a decimal string, in the type's units: seconds (equal weighted), seconds × wage
   * cents/hour (equal rate), seconds × basis points (crew lead weighted); `null` under manual or for non-crew.
   */
  readonly weight: string | null
  readonly shares: Readonly<Record<PayoutRole, Cents>>
  readonly totalCents: Cents
}

export interface Payout {
  readonly workerId: string
  readonly role: PayoutRole
  readonly amountCents: Cents
}
