import { compareIds } from './compare-ids'
import { divideFloor } from './integer-math'
import { splitByLargestRemainder } from './largest-remainder'
import { FULL_BP, type BasisPoints, type Cents } from './units'

/** The company option of docs/domain/propay.md §13; off unless the organisation turns it on. */
export interface NettingPolicy {
  readonly enabled: boolean
  /** Whether what a statement could not absorb moves to the worker's next statement, or is dropped. */
  readonly rollOver: boolean
}

export const NETTING_OFF: NettingPolicy = { enabled: false, rollOver: false }

export interface OverageWeight {
  readonly workerId: string
  /** The worker's crew distribution weight on the ProPay, as a bonus would have used it. */
  readonly weight: bigint
}

export interface OverageShare {
  readonly workerId: string
  /** What the worker carries, as a positive number of cents (it is subtracted on the statement). */
  readonly amountCents: Cents
}

/**
 * The workers' part of an over-budget ProPay's overage (docs/domain/propay.md §13 **Open**, decided here): the same
 * worker split as a bonus, floor(overage × split), is charged to the workers (the company carries the rest, as it
 * keeps the rest of a saving), then divided with the crew distribution weights by largest remainder, ties to the
 * lower worker id, so the shares sum exactly to that part. Workers of weight 0 carry nothing; with no weight at all
 * nobody carries anything (the overage cannot be attributed).
 *
 * @example
 * splitOverage(5000, 5000, [{ workerId: 'a', weight: 1n }, { workerId: 'b', weight: 1n }])
 * // → a: 1250, b: 1250 (the workers' half of the $50.00 overage)
 */
export function splitOverage(overageCents: Cents, splitBp: BasisPoints, weights: readonly OverageWeight[]): OverageShare[] {
  if (!Number.isSafeInteger(overageCents) || overageCents < 0) {
    throw new RangeError(`overage must be a non-negative integer number of cents, got ${overageCents}`)
  }
  const sorted = [...weights].sort((a, b) => compareIds(a.workerId, b.workerId))
  const totalWeight = sorted.reduce((sum, w) => sum + w.weight, 0n)
  if (totalWeight === 0n) return []
  const workersPart = Number(divideFloor(BigInt(overageCents) * BigInt(splitBp), BigInt(FULL_BP)))
  return splitByLargestRemainder(workersPart, sorted.map((w) => ({ key: w.workerId, weight: w.weight })))
    .filter((share) => share.amountCents > 0)
    .map((share) => ({ workerId: share.key, amountCents: share.amountCents }))
}

export interface StatementFigures {
  /** Bonus line items that are not voided, and bonus adjustments: each ≥ 0. */
  readonly positivesCents: readonly Cents[]
  /** Deduction adjustments, as positive numbers: always subtracted. */
  readonly deductionsCents: readonly Cents[]
  /** The worker's overage shares on this statement, as positive numbers: subtracted only with netting on. */
  readonly overagesCents: readonly Cents[]
  /** What an earlier statement could not absorb and rolled over (≥ 0); counted only with netting on. */
  readonly carriedInCents: Cents
  readonly netting: NettingPolicy
}

export interface StatementNet {
  readonly positiveCents: Cents
  /** Deductions + overages + carried in that count under the policy. */
  readonly subtractCents: Cents
  /** What is actually subtracted: never more than the positives. */
  readonly appliedCents: Cents
  /** The final figure: positives − applied, never below 0 (docs/domain/propay.md §13 **Decision**). */
  readonly netCents: Cents
  /** The part not absorbed that goes to the next statement (roll-over on). */
  readonly carryOutCents: Cents
  /** The part not absorbed that is forgiven (roll-over off, or netting off). */
  readonly droppedCents: Cents
}

/**
 * A statement's net balance (docs/domain/propay.md §13): positives minus what is to be subtracted, floored at $0.
 * What could not be subtracted rolls over to the next statement when the policy says so, else it is dropped.
 * Identities: net = max(0, positives − subtract); applied + carryOut + dropped = subtract; net + applied = positives.
 *
 * @example
 * netStatement({ positivesCents: [10000], deductionsCents: [], overagesCents: [2500], carriedInCents: 0,
 *   netting: { enabled: true, rollOver: false } }).netCents // → 7500
 */
export function netStatement(figures: StatementFigures): StatementNet {
  const all = [...figures.positivesCents, ...figures.deductionsCents, ...figures.overagesCents, figures.carriedInCents]
  for (const cents of all) {
    if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`amounts must be non-negative integer cents, got ${cents}`)
  }
  const sum = (values: readonly Cents[]) => values.reduce((total, value) => total + value, 0)
  const positiveCents = sum(figures.positivesCents)
  const netted = figures.netting.enabled ? sum(figures.overagesCents) + figures.carriedInCents : 0
  const subtractCents = sum(figures.deductionsCents) + netted
  const appliedCents = Math.min(positiveCents, subtractCents)
  const shortfall = subtractCents - appliedCents
  // Only netted money rolls over: a deduction an admin entered is never silently moved to another period.
  const carryOutCents = figures.netting.enabled && figures.netting.rollOver ? Math.min(shortfall, netted) : 0
  return {
    positiveCents,
    subtractCents,
    appliedCents,
    netCents: positiveCents - appliedCents,
    carryOutCents,
    droppedCents: shortfall - carryOutCents,
  }
}
