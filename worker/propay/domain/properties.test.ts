import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProPayBreakdown } from './breakdown'
import { calculateProPay } from './calculate-propay'
import { distributeCrewBucket, type CrewMember } from './distribution'
import { splitByLargestRemainder } from './largest-remainder'
import type { ProPayInput } from './propay-input'
import { proPayInputArb, weightedDistributionArb, workerIdArb } from './test-arbitraries'

function calculate(input: ProPayInput): ProPayBreakdown {
  const result = calculateProPay(input)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)

const centsArb = fc.integer({ min: 0, max: 100_000_000 })
const weightsArb = fc
  .array(fc.bigInt({ min: 0n, max: 10n ** 24n }), { minLength: 1, maxLength: 8 })
  .filter((weights) => weights.some((weight) => weight > 0n))

const memberArb: fc.Arbitrary<CrewMember> = fc
  .record({
    workerId: workerIdArb,
    seconds: fc.integer({ min: 0, max: 200 * 3600 }),
    wage: fc.integer({ min: 0, max: 20_000 }),
    isCrewLead: fc.boolean(),
    bonusEligible: fc.boolean(),
  })
  .map(({ wage, ...member }) => ({ ...member, baseWageSeconds: BigInt(member.seconds) * BigInt(wage) }))
const crewArb = fc.uniqueArray(memberArb, { minLength: 1, maxLength: 5, selector: (member) => member.workerId })

describe('properties', () => {
  it('should make largest-remainder shares sum to the total, none negative, each within a cent of exact', () => {
    fc.assert(
      fc.property(centsArb, weightsArb, (total, weights) => {
        const shares = splitByLargestRemainder(total, weights.map((weight, index) => ({ key: index, weight })))
        const totalWeight = weights.reduce((all, weight) => all + weight, 0n)
        expect(sum(shares.map((share) => share.amountCents))).toBe(total)
        shares.forEach((share, index) => {
          expect(share.amountCents).toBeGreaterThanOrEqual(0)
          const aboveExactFloor = BigInt(share.amountCents) - (BigInt(total) * weights[index]!) / totalWeight
          expect(aboveExactFloor === 0n || aboveExactFloor === 1n).toBe(true)
        })
      }),
    )
  })

  it('should make crew shares sum exactly to the bucket whenever someone can share it', () => {
    fc.assert(
      fc.property(centsArb, crewArb, weightedDistributionArb, (bucket, crew, config) => {
        const result = distributeCrewBucket(bucket, crew, config)
        const paid = sum(result.shares.map((share) => share.amountCents))
        if (result.problems.length === 0) expect(paid).toBe(bucket)
        else expect([paid, result.unallocatedCents]).toEqual([0, bucket])
        expect(result.shares.every((share) => share.amountCents >= 0)).toBe(true)
        for (const member of crew.filter((m) => !m.bonusEligible)) {
          expect(result.shares.find((share) => share.workerId === member.workerId)?.amountCents).toBe(0)
        }
      }),
    )
  })

  it('should give equal hours equal shares under equal weighted, to the cent when the bucket divides', () => {
    const countArb = fc.integer({ min: 1, max: 5 })
    const secondsArb = fc.integer({ min: 1, max: 100_000 })
    fc.assert(
      fc.property(centsArb, countArb, secondsArb, (bucket, count, seconds) => {
        const crew = Array.from({ length: count }, (_, i) => ({
          workerId: `w${i}`,
          seconds,
          baseWageSeconds: BigInt(seconds) * BigInt(1000 + i * 500),
          isCrewLead: i === 0,
          bonusEligible: true,
        }))
        const result = distributeCrewBucket(bucket, crew, { type: 'equal_weighted' })
        const amounts = result.shares.map((share) => share.amountCents)
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(bucket % count === 0 ? 0 : 1)
        // The leftover cents go to the lowest ids, so shares never increase along the id order.
        amounts.slice(1).forEach((amount, i) => expect(amount).toBeLessThanOrEqual(amounts[i]!))
      }),
    )
  })

  it('should make the buckets sum to the worker share and pay out no more, never a negative amount', () => {
    fc.assert(
      fc.property(proPayInputArb, (input) => {
        const breakdown = calculate(input)
        expect(sum(breakdown.buckets.map((bucket) => bucket.amountCents))).toBe(breakdown.savings.workerShareCents)
        expect(breakdown.paidOutCents).toBeLessThanOrEqual(breakdown.savings.workerShareCents)
        expect(breakdown.payouts.every(({ amountCents }) => Number.isSafeInteger(amountCents) && amountCents > 0)).toBe(
          true,
        )
        for (const worker of breakdown.workers) {
          expect(Object.values(worker.shares).every((share) => share >= 0)).toBe(true)
        }
        if (breakdown.problems.length === 0) {
          expect(breakdown.crew.distributedCents).toBe(breakdown.crew.distributableCents)
        }
      }),
    )
  })

  it('should pay $0 to everyone on a disqualified ProPay', () => {
    fc.assert(
      fc.property(proPayInputArb, (input) => {
        const failed = [{ id: 'd1', label: 'Failed inspection', outcome: 'fail' as const }]
        const breakdown = calculate({ ...input, disqualifiers: failed })
        expect(breakdown.payouts).toEqual([])
        expect(breakdown.paidOutCents).toBe(0)
        expect(breakdown.buckets.every((bucket) => bucket.amountCents === 0)).toBe(true)
      }),
    )
  })

  it('should pay nothing when actual labor reaches the budget', () => {
    fc.assert(
      fc.property(proPayInputArb, fc.integer({ min: 0, max: 1_000_000 }), (input, overrun) => {
        const actual = calculate(input).actual.costCents
        const budget = { type: 'amount' as const, amountCents: Math.max(0, actual - overrun) }
        const overBudget = calculate({ ...input, budget })
        expect(overBudget.savings.noBonusReason).toBe('over_budget')
        expect(overBudget.savings.workerShareCents).toBe(0)
        expect(overBudget.payouts).toEqual([])
      }),
    )
  })

  it('should recompute the same breakdown, whatever the order of entries and wages', () => {
    fc.assert(
      fc.property(proPayInputArb, fc.integer(), (input, seed) => {
        const first = calculate(input)
        expect(calculate(input)).toEqual(first)
        const shuffled = {
          ...input,
          timeEntries: shuffle(input.timeEntries, seed),
          wageHistory: shuffle(input.wageHistory, seed + 1),
        }
        expect(calculate(shuffled)).toEqual(first)
        // fast-check builds null-prototype objects, which the breakdown echoes: compare strictly from plain JSON.
        const fromPlainInput = calculate(JSON.parse(JSON.stringify(input)) as ProPayInput)
        expect(JSON.parse(JSON.stringify(fromPlainInput))).toStrictEqual(fromPlainInput)
      }),
    )
  })
})

/** A deterministic Fisher–Yates shuffle driven by a small LCG, so failures replay from the fast-check seed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items]
  let state = seed >>> 0
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    const j = state % (i + 1)
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}
