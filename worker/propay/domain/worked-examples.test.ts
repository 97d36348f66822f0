import { describe, expect, it } from 'vitest'
import type { ProPayBreakdown } from './breakdown'
import { calculateProPay } from './calculate-propay'
import { distributeCrewBucket, type CrewMember } from './distribution'
import type { PoolConfig } from './pool'
import type { ProPayInput } from './propay-input'
import { baseInput, HOUR, wage, work } from './test-fixtures'

function calculate(input: ProPayInput): ProPayBreakdown {
  const result = calculateProPay(input)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

const bucket = (breakdown: ProPayBreakdown, role: string) => breakdown.buckets.find((b) => b.role === role)!.amountCents
const shareOf = (breakdown: ProPayBreakdown, workerId: string) =>
  breakdown.workers.find((worker) => worker.workerId === workerId)!.shares
const pool = (splitBp: number, bucketsBp: PoolConfig['bucketsBp']): PoolConfig => ({
  splitBp,
  bucketsBp,
  otherRecipientIds: [],
})

describe('docs/domain/propay.md §6.1 worked example 1 — hours budget', () => {
  // 40 crew-hours for a 2-person crew = 80 person-hours; 2 workers at $25/h each log 30 h.
  const breakdown = calculate(
    baseInput({
      budget: { type: 'hours', budgetSeconds: 80 * HOUR },
      timeEntries: [work('a', 30), work('b', 30)],
      wageHistory: [wage('a', 2500), wage('b', 2500)],
      pool: pool(5000, { crew: 7000, crew_lead: 2000, manager: 1000, company: 0, other: 0 }),
      people: { managerId: 'mgr', crewLeadIds: ['a'] },
    }),
  )

  it('should price the budget at the blended wage and find $500 saved', () => {
    expect(breakdown.actual.costCents).toBe(150_000)
    expect(breakdown.budget.blendedWageCentsPerHour).toBe(2500)
    expect(breakdown.budget.laborBudgetCents).toBe(200_000)
    expect(breakdown.savings.savedCents).toBe(50_000)
    expect(breakdown.savings.workerShareCents).toBe(25_000)
  })

  it('should fill the 70/20/10 buckets with $175, $50 and $25', () => {
    expect([bucket(breakdown, 'crew'), bucket(breakdown, 'crew_lead'), bucket(breakdown, 'manager')]).toEqual([
      17_500, 5_000, 2_500,
    ])
  })

  it('should pay $87.50 to each crew member, the lead bucket to the lead and the manager bucket to the manager', () => {
    expect(shareOf(breakdown, 'a')).toEqual({ crew: 8750, crew_lead: 5000, manager: 0, other: 0 })
    expect(shareOf(breakdown, 'b')).toEqual({ crew: 8750, crew_lead: 0, manager: 0, other: 0 })
    expect(shareOf(breakdown, 'mgr')).toEqual({ crew: 0, crew_lead: 0, manager: 2500, other: 0 })
    expect(breakdown.paidOutCents).toBe(25_000)
    expect(breakdown.problems).toEqual([])
  })
})

describe('docs/domain/propay.md §6.2 worked example 2 — contract price', () => {
  const breakdown = calculate(
    baseInput({
      budget: { type: 'contract_price', contractPriceCents: 1_000_000, laborBudgetBp: 3000 },
      timeEntries: [work('a', 40), work('b', 40), work('c', 40)],
      wageHistory: [wage('a', 2000), wage('b', 2000), wage('c', 2000)],
      pool: pool(5000, { crew: 6000, crew_lead: 2000, manager: 1000, company: 1000, other: 0 }),
      people: { managerId: 'mgr', crewLeadIds: ['lead'] },
    }),
  )

  it('should find a $3,000 budget, $2,400 actual, $600 saved and a $300 worker share', () => {
    expect(breakdown.budget.laborBudgetCents).toBe(300_000)
    expect(breakdown.actual.costCents).toBe(240_000)
    expect(breakdown.savings.savedCents).toBe(60_000)
    expect(breakdown.savings.workerShareCents).toBe(30_000)
  })

  it('should fill crew $180, lead $60, manager $30, company $30 and pay the crew $60 each', () => {
    expect(breakdown.buckets.map((b) => [b.role, b.amountCents])).toEqual([
      ['crew', 18_000],
      ['crew_lead', 6_000],
      ['manager', 3_000],
      ['company', 3_000],
      ['other', 0],
    ])
    for (const id of ['a', 'b', 'c']) expect(shareOf(breakdown, id).crew).toBe(6000)
    expect(shareOf(breakdown, 'lead').crew_lead).toBe(6000)
    expect(breakdown.paidOutCents).toBe(27_000)
  })
})

describe('docs/domain/propay.md §8 distribution example — $300 crew bucket', () => {
  // A (crew lead) $30/h, B $25/h, C $20/h, all working the same hours.
  const member = (workerId: string, wageCents: number, isCrewLead = false): CrewMember => ({
    workerId,
    seconds: 8 * HOUR,
    baseWageSeconds: BigInt(8 * HOUR * wageCents),
    isCrewLead,
    bonusEligible: true,
  })
  const members = [member('A', 3000, true), member('B', 2500), member('C', 2000)]
  const amounts = (type: 'equal_rate' | 'equal_weighted') =>
    distributeCrewBucket(30_000, members, { type }).shares.map((share) => share.amountCents)

  it('should pay $120, $100 and $80 under Equal Rate', () => {
    expect(amounts('equal_rate')).toEqual([12_000, 10_000, 8_000])
  })

  it('should pay $100 each under Equal Weighted', () => {
    expect(amounts('equal_weighted')).toEqual([10_000, 10_000, 10_000])
  })

  it('should give the same result through the whole calculation', () => {
    // Crew bucket of exactly $300: 100% split, 100% crew pool, budget = actual + $300.
    const breakdown = calculate(
      baseInput({
        budget: { type: 'amount', amountCents: 8 * (3000 + 2500 + 2000) + 30_000 },
        timeEntries: [work('A', 8), work('B', 8), work('C', 8)],
        wageHistory: [wage('A', 3000), wage('B', 2500), wage('C', 2000)],
        pool: pool(10_000, { crew: 10_000, crew_lead: 0, manager: 0, company: 0, other: 0 }),
        distribution: { type: 'equal_rate' },
        people: { managerId: 'mgr', crewLeadIds: ['A'] },
      }),
    )
    expect(breakdown.crew.distributableCents).toBe(30_000)
    expect(['A', 'B', 'C'].map((id) => shareOf(breakdown, id).crew)).toEqual([12_000, 10_000, 8_000])
  })
})
