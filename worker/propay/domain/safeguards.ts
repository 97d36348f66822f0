import type { Cents } from './units'

export const DISQUALIFIER_OUTCOMES = ['pass', 'fail', 'unresolved'] as const
export type DisqualifierOutcome = (typeof DISQUALIFIER_OUTCOMES)[number]

/**
 * A pass/fail check at approval, e.g. a failed inspection (docs/domain/propay.md §9). One failure voids the whole
 * ProPay.
 */
export interface Disqualifier {
  readonly id: string
  readonly label: string
  /** `unresolved` until the manager decides; approval needs every one resolved. */
  readonly outcome: DisqualifierOutcome
}

export const PENALTY_OUTCOMES = ['applied', 'waived', 'unresolved'] as const
export type PenaltyOutcome = (typeof PENALTY_OUTCOMES)[number]

/** A dollar amount taken out of the pool before distribution, e.g. minor tool damage (docs/domain/propay.md §9). */
export interface Penalty {
  readonly id: string
  readonly category: string
  readonly amountCents: Cents
  readonly outcome: PenaltyOutcome
}

export const isDisqualified = (disqualifiers: readonly Disqualifier[]) =>
  disqualifiers.some((disqualifier) => disqualifier.outcome === 'fail')

export interface PenaltyDeduction {
  /** Σ of applied penalties. */
  readonly appliedCents: Cents
  /** What the crew bucket could absorb. */
  readonly deductedCents: Cents
  readonly remainingCrewCents: Cents
}

/**
 * Takes applied penalties off the crew bucket, floored at $0 (docs/domain/propay.md §9, **Open** default: the crew
 * bucket). Taking them before distribution spreads their cost by the ProPay's distribution type. Unresolved penalties
 * are not deducted; they block approval instead.
 */
export function deductPenalties(crewBucketCents: Cents, penalties: readonly Penalty[]): PenaltyDeduction {
  const appliedCents = penalties
    .filter((penalty) => penalty.outcome === 'applied')
    .reduce((sum, penalty) => sum + penalty.amountCents, 0)
  const deductedCents = Math.min(appliedCents, crewBucketCents)
  return { appliedCents, deductedCents, remainingCrewCents: crewBucketCents - deductedCents }
}
