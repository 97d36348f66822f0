import type { Cents } from './units'

export interface WeightedPart<K> {
  readonly key: K
  /** Any non-negative integer; only the proportions between parts matter. */
  readonly weight: bigint
}

export interface Allocation<K> {
  readonly key: K
  readonly amountCents: Cents
}

/**
 * Splits `totalCents` in proportion to the weights so the parts sum to the total exactly (docs/domain/propay.md §12):
 * each part gets the floor of its exact share, then the leftover cents go one at a time to the largest fractional
 * remainders. Equal remainders are broken by the order of `parts`, so callers pass parts in the spec's stable-key order
 * (workers by ascending id, buckets as crew, crew lead, manager, company, other).
 *
 * This is the one split function of the engine: role buckets, crew distributions, lead and other recipients all
 * use it. A part of weight 0 never receives a cent.
 *
 * @param totalCents - a non-negative integer amount
 * @param parts - the recipients with their weights; the total weight may be 0 only when `totalCents` is 0
 * @throws RangeError on a negative or fractional total, a negative weight, or a positive total with no weight
 * @example
 * splitByLargestRemainder(100, [{ key: 'a', weight: 1n }, { key: 'b', weight: 1n }, { key: 'c', weight: 1n }])
 * // → a: 34, b: 33, c: 33
 */
export function splitByLargestRemainder<K>(totalCents: Cents, parts: readonly WeightedPart<K>[]): Allocation<K>[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) {
    throw new RangeError(`total must be a non-negative integer number of cents, got ${totalCents}`)
  }
  if (parts.some((part) => part.weight < 0n)) throw new RangeError('weights must not be negative')
  const totalWeight = parts.reduce((sum, part) => sum + part.weight, 0n)
  if (totalWeight === 0n) {
    if (totalCents !== 0) throw new RangeError(`cannot split ${totalCents} cents over a total weight of 0`)
    return parts.map((part) => ({ key: part.key, amountCents: 0 }))
  }

  const total = BigInt(totalCents)
  const floors = parts.map((part) => (total * part.weight) / totalWeight)
  const remainders = parts.map((part) => (total * part.weight) % totalWeight)
  let leftover = total - floors.reduce((sum, floor) => sum + floor, 0n)

  const byRemainder = parts
    .map((_, index) => index)
    .sort((a, b) => (remainders[a]! === remainders[b]! ? a - b : remainders[a]! > remainders[b]! ? -1 : 1))
  for (const index of byRemainder) {
    if (leftover === 0n) break
    floors[index] = floors[index]! + 1n
    leftover -= 1n
  }
  return parts.map((part, index) => ({ key: part.key, amountCents: Number(floors[index]!) }))
}
