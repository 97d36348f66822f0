import { describe, expect, it } from 'vitest'
import type { ProPayBreakdown } from './breakdown'
import { calculateProPay } from './calculate-propay'
import type { ProPayInput } from './propay-input'
import { baseInput, drive, HOUR, wage, work } from './test-fixtures'

// $1,000 budget; a and b work 10 h each at $20 → actual $400, saved $600, worker share $300:
// crew $210, crew lead $60, manager $30.
const crewInput = (overrides: Partial<ProPayInput> = {}) =>
  baseInput({
    timeEntries: [work('a', 10), work('b', 10)],
    wageHistory: [wage('a', 2000), wage('b', 2000)],
    ...overrides,
  })

function calculate(input: ProPayInput): ProPayBreakdown {
  const result = calculateProPay(input)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

const row = (breakdown: ProPayBreakdown, workerId: string) =>
  breakdown.workers.find((worker) => worker.workerId === workerId)!
const codes = (issues: readonly { code: string }[]) => issues.map((issue) => issue.code)
const leadA = { managerId: 'mgr', crewLeadIds: ['a'] }

describe('calculateProPay', () => {
  it('should refuse input it cannot compute with, saying where', () => {
    const bucketsBp = { crew: 5000, crew_lead: 0, manager: 0, company: 0, other: 0 }
    const result = calculateProPay(crewInput({ pool: { ...baseInput().pool, bucketsBp } }))
    expect(result).toEqual({
      ok: false,
      error: [
        { path: 'pool.bucketsBp', message: 'Role buckets must total 100% (10000 bp); they total 50% (5000 bp).' },
      ],
    })
  })

  it('should refuse input whose figures pass the safe integer range instead of failing or rounding', () => {
    const tooLarge = { ok: false, error: [{ path: '(root)', message: expect.stringMatching(/^These figures are too large to compute exactly/) }] }
    expect(calculateProPay(crewInput({ budget: { type: 'rate', rateCentsPerUnit: Number.MAX_SAFE_INTEGER, quantity: '12.5' } }))).toEqual(tooLarge)
    expect(calculateProPay(crewInput({ budget: { type: 'amount', amountCents: 2 ** 52 }, adjustment: { kind: 'multiply', factorBp: 30_000 } }))).toEqual(tooLarge)
    const manual = { type: 'manual' as const, amountsCents: { a: Number.MAX_SAFE_INTEGER, b: 2000 } }
    expect(calculateProPay(crewInput({ distribution: manual, people: leadA }))).toEqual(tooLarge)
  })

  it('should give a plain JSON breakdown that survives serialisation unchanged', () => {
    const breakdown = calculate(crewInput({ distribution: { type: 'equal_rate' }, people: leadA }))
    expect(JSON.parse(JSON.stringify(breakdown))).toStrictEqual(breakdown)
  })

  describe('disqualifiers', () => {
    it('should pay $0 to everyone when one fails, still showing the figures', () => {
      const breakdown = calculate(
        crewInput({
          people: leadA,
          disqualifiers: [
            { id: 'd1', label: 'Safety violation', outcome: 'fail' },
            { id: 'd2', label: 'Paperwork', outcome: 'pass' },
          ],
        }),
      )
      expect(breakdown.savings).toEqual({
        savedCents: 60_000,
        splitBp: 5000,
        workerShareCents: 0,
        noBonusReason: 'disqualified',
      })
      expect(breakdown.buckets.every((bucket) => bucket.amountCents === 0)).toBe(true)
      expect(breakdown.payouts).toEqual([])
      expect(breakdown.paidOutCents).toBe(0)
      expect(codes(breakdown.warnings)).toContain('disqualified')
      expect(breakdown.safeguards.disqualified).toBe(true)
    })
  })

  describe('over budget', () => {
    it('should pay nothing and never go negative', () => {
      const breakdown = calculate(crewInput({ budget: { type: 'amount', amountCents: 30_000 } }))
      expect(breakdown.savings).toEqual({
        savedCents: -10_000,
        splitBp: 5000,
        workerShareCents: 0,
        noBonusReason: 'over_budget',
      })
      expect(breakdown.payouts).toEqual([])
      expect(breakdown.warnings[0]?.message).toContain('$100.00 over budget')
    })

    it('should name the amount in the organisation\'s currency when it is not en-US dollars', () => {
      const breakdown = calculate(crewInput({ budget: { type: 'amount', amountCents: 30_000 }, money: { locale: 'de-DE', currency: 'EUR' } }))
      expect(breakdown.warnings[0]?.message.replace(/\u00a0/g, ' ')).toContain('100,00 € over budget')
      expect(breakdown.warnings[0]?.message).not.toContain('$')
    })

    it('should pay nothing at exactly the budget', () => {
      const breakdown = calculate(crewInput({ budget: { type: 'amount', amountCents: 40_000 } }))
      expect(breakdown.savings.noBonusReason).toBe('over_budget')
    })
  })

  it('should pay nothing while an hours budget cannot be priced', () => {
    const breakdown = calculate(baseInput({ budget: { type: 'hours', budgetSeconds: 10 * HOUR } }))
    expect(breakdown.savings).toEqual({
      savedCents: null,
      splitBp: 5000,
      workerShareCents: 0,
      noBonusReason: 'budget_not_priced',
    })
    expect(breakdown.problems).toEqual([])
  })

  describe('crew lead bucket', () => {
    it('should share it equally among several leads, who also share the crew bucket', () => {
      const breakdown = calculate(crewInput({ people: { managerId: 'mgr', crewLeadIds: ['b', 'a'] } }))
      expect([row(breakdown, 'a').shares, row(breakdown, 'b').shares]).toEqual([
        { crew: 10_500, crew_lead: 3_000, manager: 0, other: 0 },
        { crew: 10_500, crew_lead: 3_000, manager: 0, other: 0 },
      ])
    })

    it('should add it to the crew bucket when there is no eligible lead', () => {
      for (const people of [
        { managerId: 'mgr', crewLeadIds: [] },
        { managerId: 'mgr', crewLeadIds: ['x'], bonusRemovedWorkerIds: ['x'] },
      ]) {
        const breakdown = calculate(crewInput({ people }))
        expect(breakdown.crew.fromCrewLeadCents).toBe(6_000)
        expect(breakdown.crew.distributableCents).toBe(27_000)
        expect(row(breakdown, 'a').shares.crew).toBe(13_500)
        expect(breakdown.buckets.find((bucket) => bucket.role === 'crew_lead')?.recipientIds).toEqual([])
        expect(codes(breakdown.warnings)).toEqual(['crew_lead_bucket_to_crew'])
      }
    })
  })

  describe('other and company buckets', () => {
    const pool = {
      splitBp: 5000,
      bucketsBp: { crew: 6000, crew_lead: 0, manager: 1000, company: 2000, other: 1000 },
      otherRecipientIds: ['o2', 'o1', 'o3'],
    }

    it('should split the other bucket equally among its recipients and keep the company bucket', () => {
      const breakdown = calculate(crewInput({ pool, people: leadA }))
      // Other bucket $30.00 over three recipients: $10.00 each.
      expect(['o1', 'o2', 'o3'].map((id) => row(breakdown, id).shares.other)).toEqual([1000, 1000, 1000])
      expect(breakdown.payouts.some((payout) => (payout.role as string) === 'company')).toBe(false)
      expect(breakdown.paidOutCents).toBe(30_000 - 6_000)
    })

    it('should block approval when every other recipient is excluded', () => {
      const people = { managerId: 'mgr', crewLeadIds: [], excludedWorkerIds: ['o1', 'o2', 'o3'] }
      const breakdown = calculate(crewInput({ pool, people }))
      expect(codes(breakdown.problems)).toEqual(['no_eligible_other_recipient'])
    })
  })

  describe('penalties', () => {
    it('should come off the crew bucket before distribution, spreading by the distribution type', () => {
      const breakdown = calculate(
        crewInput({
          people: leadA,
          penalties: [{ id: 'p1', category: 'minor tool damage', amountCents: 1_000, outcome: 'applied' }],
        }),
      )
      expect(breakdown.crew).toMatchObject({
        bucketCents: 21_000,
        penaltiesDeductedCents: 1_000,
        distributableCents: 20_000,
      })
      expect([row(breakdown, 'a').shares.crew, row(breakdown, 'b').shares.crew]).toEqual([10_000, 10_000])
      expect(row(breakdown, 'a').shares.crew_lead).toBe(6_000)
    })

    it('should floor the crew bucket at $0 and say so', () => {
      const breakdown = calculate(
        crewInput({
          people: leadA,
          penalties: [{ id: 'p1', category: 'damage', amountCents: 50_000, outcome: 'applied' }],
        }),
      )
      expect(breakdown.crew.distributableCents).toBe(0)
      expect(breakdown.safeguards).toMatchObject({ penaltiesAppliedCents: 50_000, penaltiesDeductedCents: 21_000 })
      expect(codes(breakdown.warnings)).toEqual(['penalties_exceed_crew_bucket'])
      expect(breakdown.payouts.every((payout) => payout.amountCents > 0)).toBe(true)
    })
  })

  describe('workers kept out of the bonus', () => {
    it('should count a Remove Bonus worker’s hours as cost and give their share to the others', () => {
      const breakdown = calculate(
        crewInput({
          timeEntries: [work('a', 10), work('b', 10), work('c', 10)],
          wageHistory: [wage('a', 2000), wage('b', 2000), wage('c', 2000)],
          people: { ...leadA, bonusRemovedWorkerIds: ['c'] },
        }),
      )
      // Actual $600 (c included), saved $400, share $200: crew $140 over a and b only.
      expect(breakdown.actual.costCents).toBe(60_000)
      expect(row(breakdown, 'c')).toMatchObject({
        bonusExclusion: 'bonus_removed',
        seconds: 10 * HOUR,
        weight: '0',
        totalCents: 0,
      })
      expect([row(breakdown, 'a').shares.crew, row(breakdown, 'b').shares.crew]).toEqual([7_000, 7_000])
    })

    it('should block approval when nobody can share the crew bucket', () => {
      const people = { managerId: 'mgr', crewLeadIds: [], excludedWorkerIds: ['a', 'b'] }
      const breakdown = calculate(crewInput({ people }))
      expect(codes(breakdown.problems)).toEqual(['zero_total_weight'])
      expect(breakdown.crew.unallocatedCents).toBe(27_000)
    })
  })

  it('should list excluded drive time separately', () => {
    const breakdown = calculate(crewInput({ timeEntries: [work('a', 10), work('b', 10), drive('b', 2)] }))
    expect(breakdown.actual).toEqual({
      settings: { includeDriveTime: false, includeBurden: false, includeOvertimePremium: false },
      seconds: 20 * HOUR,
      costCents: 40_000,
      excludedDrive: {
        seconds: 2 * HOUR,
        wouldCostCents: 4_000,
        byWorker: [{ workerId: 'b', seconds: 2 * HOUR, wouldCostCents: 4_000 }],
      },
    })
    expect(row(breakdown, 'b')).toMatchObject({
      seconds: 10 * HOUR,
      excludedDriveSeconds: 2 * HOUR,
      weight: String(10 * HOUR),
    })
  })

  it('should take missing or undefined cost settings as the defaults', () => {
    const breakdown = calculate(crewInput({ costSettings: { includeBurden: undefined, includeDriveTime: true } }))
    expect(breakdown.actual.settings).toEqual({
      includeDriveTime: true,
      includeBurden: false,
      includeOvertimePremium: false,
    })
  })

  it('should apply the ProPay’s cost settings', () => {
    const breakdown = calculate(
      crewInput({
        wageHistory: [wage('a', 2000, '2026-01-01', 1000), wage('b', 2000)],
        costSettings: { includeBurden: true },
      }),
    )
    expect(breakdown.actual.costCents).toBe(22_000 + 20_000)
    expect(row(breakdown, 'a')).toMatchObject({ costCents: 22_000, wageCentsPerHour: 2000 })
  })

  describe('problems that block approval', () => {
    it('should report unfinished milestones, missing wages and unresolved safeguards', () => {
      const breakdown = calculate(
        crewInput({
          milestones: [
            { id: 'm1', status: 'completed' },
            { id: 'm2', status: 'in_progress' },
          ],
          wageHistory: [wage('a', 2000)],
          disqualifiers: [{ id: 'd1', label: 'Inspection', outcome: 'unresolved' }],
          penalties: [{ id: 'p1', category: 'damage', amountCents: 100, outcome: 'unresolved' }],
        }),
      )
      expect(codes(breakdown.problems)).toEqual([
        'milestones_not_complete',
        'missing_wage',
        'unresolved_disqualifier',
        'unresolved_penalty',
      ])
      expect(breakdown.problems[0]?.message).toContain('m2 (in_progress)')
      expect(breakdown.problems[1]?.message).toContain('Worker b')
      expect(breakdown.workState).toBe('started')
    })

    it('should report a manual distribution that does not add up', () => {
      const distribution = { type: 'manual' as const, amountsCents: { a: 20_000, b: 1_000 } }
      const breakdown = calculate(crewInput({ distribution }))
      expect(codes(breakdown.problems)).toEqual(['manual_sum_mismatch'])
      expect(breakdown.crew).toMatchObject({
        distributableCents: 27_000,
        distributedCents: 21_000,
        unallocatedCents: 6_000,
        totalWeight: null,
      })
    })

    it('should ignore manual amounts when no bonus is payable', () => {
      const breakdown = calculate(
        crewInput({
          budget: { type: 'amount', amountCents: 1 },
          distribution: { type: 'manual', amountsCents: { a: 20_000 } },
        }),
      )
      expect(breakdown.problems).toEqual([])
      expect(breakdown.payouts).toEqual([])
    })
  })
})
