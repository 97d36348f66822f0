/**
 * The crew and the result of dividing a crew bucket, shared by the weighted distribution (distribution.ts) and
 * the manual one (manual-distribution.ts), which the weighted one delegates to: kept apart so neither module
 * imports the other's types back.
 * @module
 */
import type { Problem } from './issues'
import type { Cents, Seconds } from './units'

/** A worker who logged time on the ProPay, as the distribution sees them. */
export interface CrewMember {
  readonly workerId: string
  /** Time counted as labor (drive time only when included). */
  readonly seconds: Seconds
  /** Σ seconds × base wage of that time. */
  readonly baseWageSeconds: bigint
  readonly isCrewLead: boolean
  /**
   * `false` for Remove Bonus or a crew exclusion: weight 0, but their hours still count as cost
   * (docs/domain/propay.md §8).
   */
  readonly bonusEligible: boolean
}

export interface CrewShare {
  readonly workerId: string
  /** The member's weight; `null` under manual distribution. */
  readonly weight: bigint | null
  readonly amountCents: Cents
}

export interface CrewDistribution {
  /** One per member, by ascending worker id. */
  readonly shares: CrewShare[]
  readonly totalWeight: bigint | null
  /** bucket − Σ shares: non-zero only alongside a problem (Σw = 0, or manual amounts that do not add up). */
  readonly unallocatedCents: Cents
  readonly problems: Problem[]
}
