import { describe, expect, it } from 'vitest'
import { splitByLargestRemainder } from './largest-remainder'

const split = (total: number, weights: number[]) =>
  splitByLargestRemainder(
    total,
    weights.map((weight, index) => ({ key: `k${index}`, weight: BigInt(weight) })),
  ).map((allocation) => allocation.amountCents)

describe('splitByLargestRemainder', () => {
  it('should split exactly when the weights divide the total', () => {
    expect(split(30_000, [30, 25, 20])).toEqual([12_000, 10_000, 8_000])
  })

  it('should hand leftover cents to the largest remainders', () => {
    // Exact shares 1.6, 3.2, 5.2 → floors 1, 3, 5; the one leftover cent goes to the 0.6 remainder.
    expect(split(10, [16, 32, 52])).toEqual([2, 3, 5])
  })

  it('should break equal remainders by the order of the parts', () => {
    expect(split(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(split(2, [1, 1, 1])).toEqual([1, 1, 0])
  })

  it('should never give a cent to a part of weight 0', () => {
    expect(split(7, [0, 1, 0, 1])).toEqual([0, 4, 0, 3])
  })

  it('should keep the keys of the parts in their order', () => {
    const parts = [
      { key: 'crew', weight: 7000n },
      { key: 'manager', weight: 3000n },
    ]
    expect(splitByLargestRemainder(101, parts)).toEqual([
      { key: 'crew', amountCents: 71 },
      { key: 'manager', amountCents: 30 },
    ])
  })

  it('should stay exact with weights far beyond 2^53', () => {
    const huge = 10n ** 30n
    expect(
      splitByLargestRemainder(1_000_000_001, [
        { key: 'a', weight: huge },
        { key: 'b', weight: huge + 1n },
      ]).map((allocation) => allocation.amountCents),
    ).toEqual([500_000_000, 500_000_001])
  })

  it('should give zeros for a zero total even with no weight', () => {
    expect(split(0, [0, 0])).toEqual([0, 0])
  })

  it('should refuse a positive total with no weight, a negative or fractional total and negative weights', () => {
    expect(() => split(5, [0, 0])).toThrow(RangeError)
    expect(() => split(-1, [1])).toThrow(RangeError)
    expect(() => split(1.5, [1])).toThrow(RangeError)
    expect(() => split(5, [2, -1])).toThrow(RangeError)
  })
})
