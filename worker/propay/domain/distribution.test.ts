import { describe, expect, it } from 'vitest'
import { crewWeight, distributeCrewBucket, type CrewMember } from './distribution'
import { HOUR } from './test-fixtures'

const member = (workerId: string, hours: number, wageCents: number, extra: Partial<CrewMember> = {}): CrewMember => ({
  workerId,
  seconds: hours * HOUR,
  baseWageSeconds: BigInt(hours * HOUR * wageCents),
  isCrewLead: false,
  bonusEligible: true,
  ...extra,
})

const amounts = (result: ReturnType<typeof distributeCrewBucket>) => result.shares.map((share) => share.amountCents)

describe('distributeCrewBucket', () => {
  describe('equal weighted', () => {
    it('should pay the same dollars per hour worked', () => {
      const crew = [member('a', 10, 3000), member('b', 20, 2000)]
      expect(amounts(distributeCrewBucket(30_000, crew, { type: 'equal_weighted' }))).toEqual([10_000, 20_000])
    })
  })

  describe('equal rate', () => {
    it('should weight by hours × wage so every hourly wage rises by the same percentage', () => {
      // Weights 10 h × $30 = 300 and 20 h × $15 = 300.
      const crew = [member('a', 10, 3000), member('b', 20, 1500)]
      expect(amounts(distributeCrewBucket(10_000, crew, { type: 'equal_rate' }))).toEqual([5_000, 5_000])
    })
  })

  describe('crew lead weighted', () => {
    it('should give leads k times the per-hour share', () => {
      const crew = [member('a', 10, 2000, { isCrewLead: true }), member('b', 10, 2000), member('c', 10, 2000)]
      const config = { type: 'crew_lead_weighted', leadFactorBp: 15_000 } as const
      // k = 1.5: weights 15 : 10 : 10 of $70.
      expect(amounts(distributeCrewBucket(7_000, crew, config))).toEqual([3_000, 2_000, 2_000])
      expect(crewWeight(crew[0]!, config)).toBe(BigInt(10 * HOUR * 15_000))
      expect(crewWeight(crew[1]!, config)).toBe(BigInt(10 * HOUR * 10_000))
    })
  })

  it('should give workers with Remove Bonus or an exclusion weight 0 and their share to the others', () => {
    const crew = [member('a', 10, 2000), member('b', 10, 2000, { bonusEligible: false }), member('c', 10, 2000)]
    const result = distributeCrewBucket(10_001, crew, { type: 'equal_weighted' })
    expect(amounts(result)).toEqual([5_001, 0, 5_000])
    expect(result.shares[1]?.weight).toBe(0n)
  })

  it('should order shares by ascending worker id, leftover cents going to the lowest id', () => {
    const crew = [member('9', 1, 1), member('10', 1, 1), member('2', 1, 1)]
    const result = distributeCrewBucket(100, crew, { type: 'equal_weighted' })
    expect(result.shares.map((share) => [share.workerId, share.amountCents])).toEqual([
      ['2', 34],
      ['9', 33],
      ['10', 33],
    ])
  })

  it('should block approval when Σw = 0 and there is money to share', () => {
    const crew = [member('a', 0, 2000), member('b', 5, 2000, { bonusEligible: false })]
    const result = distributeCrewBucket(5_000, crew, { type: 'equal_weighted' })
    expect(amounts(result)).toEqual([0, 0])
    expect(result.unallocatedCents).toBe(5_000)
    expect(result.problems.map((problem) => problem.code)).toEqual(['zero_total_weight'])
    expect(result.problems[0]?.message).toContain('$50.00')
  })

  it('should not complain about Σw = 0 when there is nothing to share', () => {
    expect(distributeCrewBucket(0, [], { type: 'equal_rate' }).problems).toEqual([])
  })
})
