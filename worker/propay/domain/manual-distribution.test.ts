import { describe, expect, it } from 'vitest'
import { distributeCrewBucket, type CrewMember } from './distribution'

const member = (workerId: string, bonusEligible = true): CrewMember => ({
  workerId,
  seconds: 3600,
  baseWageSeconds: 3600n * 2000n,
  isCrewLead: false,
  bonusEligible,
})
const crew = [member('a'), member('b'), member('c', false)]

describe('manual distribution', () => {
  it('should pay the entered amounts when they sum exactly to the bucket', () => {
    const result = distributeCrewBucket(10_000, crew, { type: 'manual', amountsCents: { a: 7_500, b: 2_500 } })
    expect(result.shares).toEqual([
      { workerId: 'a', weight: null, amountCents: 7_500 },
      { workerId: 'b', weight: null, amountCents: 2_500 },
      { workerId: 'c', weight: null, amountCents: 0 },
    ])
    expect(result.problems).toEqual([])
    expect(result.unallocatedCents).toBe(0)
  })

  it('should block approval when the amounts are a cent short', () => {
    const result = distributeCrewBucket(10_000, crew, { type: 'manual', amountsCents: { a: 7_500, b: 2_499 } })
    expect(result.problems).toEqual([
      {
        code: 'manual_sum_mismatch',
        message: 'Manual amounts add up to $99.99 but the crew bucket is $100.00; they must match to the cent.',
      },
    ])
    expect(result.unallocatedCents).toBe(1)
  })

  it('should block approval when the amounts exceed the bucket', () => {
    const result = distributeCrewBucket(10_000, crew, { type: 'manual', amountsCents: { a: 10_000, b: 1 } })
    expect(result.problems.map((problem) => problem.code)).toEqual(['manual_sum_mismatch'])
    expect(result.unallocatedCents).toBe(-1)
  })

  it('should refuse an amount for an ineligible or unknown worker', () => {
    const amountsCents = { a: 5_000, b: 3_000, c: 1_000, x: 1_000 }
    const result = distributeCrewBucket(10_000, crew, { type: 'manual', amountsCents })
    expect(result.problems.map((problem) => problem.code)).toEqual([
      'manual_amount_for_ineligible_worker',
      'manual_amount_for_ineligible_worker',
      'manual_sum_mismatch',
    ])
    expect(result.shares.find((share) => share.workerId === 'c')?.amountCents).toBe(0)
  })
})
