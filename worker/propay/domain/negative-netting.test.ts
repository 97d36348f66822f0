import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { netStatement, splitOverage, type NettingPolicy, type StatementFigures } from './negative-netting'

const ON: NettingPolicy = { enabled: true, rollOver: false }
const ROLL: NettingPolicy = { enabled: true, rollOver: true }
const figures = (extra: Partial<StatementFigures>): StatementFigures => ({
  positivesCents: [],
  deductionsCents: [],
  overagesCents: [],
  carriedInCents: 0,
  netting: ON,
  ...extra,
})

describe('netStatement', () => {
  it('should net +$100.00 of bonus and −$25.00 of overage to $75.00 (issue #17 example)', () => {
    expect(netStatement(figures({ positivesCents: [10_000], overagesCents: [2_500] }))).toEqual({
      positiveCents: 10_000,
      subtractCents: 2_500,
      appliedCents: 2_500,
      netCents: 7_500,
      carryOutCents: 0,
      droppedCents: 0,
    })
  })

  it('should ignore overages and carried-in money with netting off, but still take deductions', () => {
    const off = netStatement(figures({ positivesCents: [10_000], deductionsCents: [1_000], overagesCents: [2_500], carriedInCents: 300, netting: { enabled: false, rollOver: true } }))
    expect([off.netCents, off.carryOutCents, off.droppedCents]).toEqual([9_000, 0, 0])
  })

  it('should stop at $0 and roll the remainder over, or drop it, as the setting says', () => {
    // $40 of bonus, $30 + $25 of overage and $10 carried in: $25 left over.
    const base = { positivesCents: [4_000], overagesCents: [3_000, 2_500], carriedInCents: 1_000 }
    expect(netStatement(figures({ ...base, netting: ROLL }))).toMatchObject({ netCents: 0, carryOutCents: 2_500, droppedCents: 0 })
    expect(netStatement(figures({ ...base, netting: ON }))).toMatchObject({ netCents: 0, carryOutCents: 0, droppedCents: 2_500 })
  })

  it('should never roll over a deduction the statement could not absorb', () => {
    const net = netStatement(figures({ positivesCents: [1_000], deductionsCents: [1_500], overagesCents: [200], netting: ROLL }))
    expect(net).toMatchObject({ netCents: 0, carryOutCents: 200, droppedCents: 500 })
  })

  it('should refuse negative or fractional amounts', () => {
    expect(() => netStatement(figures({ positivesCents: [-1] }))).toThrow(RangeError)
    expect(() => netStatement(figures({ overagesCents: [1.5] }))).toThrow(RangeError)
  })

  it('should keep net ≥ 0 and the sums exact for any statement (property)', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 })
    const list = fc.array(cents, { maxLength: 6 })
    fc.assert(
      fc.property(list, list, list, cents, fc.boolean(), fc.boolean(), (positivesCents, deductionsCents, overagesCents, carriedInCents, enabled, rollOver) => {
        const net = netStatement({ positivesCents, deductionsCents, overagesCents, carriedInCents, netting: { enabled, rollOver } })
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
        const subtract = sum(deductionsCents) + (enabled ? sum(overagesCents) + carriedInCents : 0)
        expect(net.netCents).toBeGreaterThanOrEqual(0)
        expect(net.netCents).toBe(Math.max(0, sum(positivesCents) - subtract))
        expect(net.netCents + net.appliedCents).toBe(sum(positivesCents))
        expect(net.appliedCents + net.carryOutCents + net.droppedCents).toBe(subtract)
        expect(net.netCents - net.carryOutCents - net.droppedCents).toBe(sum(positivesCents) - subtract)
        if (!(enabled && rollOver)) expect(net.carryOutCents).toBe(0)
        if (enabled && rollOver) expect(net.carryOutCents).toBe(Math.min(subtract - net.appliedCents, sum(overagesCents) + carriedInCents))
      }),
    )
  })
})

describe('splitOverage', () => {
  it('should charge the workers their split of the overage, by the bonus weights, ties to the lower id', () => {
    // $100.01 over budget, 50% split → $50.00 for the workers; weights 1 : 1 : 2.
    expect(splitOverage(10_001, 5_000, [{ workerId: 'w2', weight: 1n }, { workerId: 'w10', weight: 2n }, { workerId: 'w1', weight: 1n }])).toEqual([
      { workerId: 'w1', amountCents: 1_250 },
      { workerId: 'w10', amountCents: 2_500 },
      { workerId: 'w2', amountCents: 1_250 },
    ])
    expect(splitOverage(100, 10_000, [{ workerId: 'a', weight: 1n }, { workerId: 'b', weight: 1n }, { workerId: 'c', weight: 1n }]).map((s) => s.amountCents)).toEqual([34, 33, 33])
  })

  it('should leave out workers of weight 0 and charge nobody without any weight', () => {
    expect(splitOverage(500, 10_000, [{ workerId: 'a', weight: 0n }, { workerId: 'b', weight: 3n }])).toEqual([{ workerId: 'b', amountCents: 500 }])
    expect(splitOverage(500, 10_000, [{ workerId: 'a', weight: 0n }])).toEqual([])
    expect(() => splitOverage(-1, 10_000, [])).toThrow(RangeError)
  })

  it('should make the shares sum exactly to floor(overage × split), none negative (property)', () => {
    const weights = fc.uniqueArray(fc.record({ workerId: fc.constantFrom('1', '2', '10', 'a', 'b'), weight: fc.bigInt({ min: 0n, max: 10n ** 18n }) }), {
      maxLength: 5,
      selector: (w) => w.workerId,
    })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 10_000 }), weights, (overage, splitBp, ws) => {
        const shares = splitOverage(overage, splitBp, ws)
        const expected = ws.some((w) => w.weight > 0n) ? Math.floor((overage * splitBp) / 10_000) : 0
        expect(shares.reduce((a, s) => a + s.amountCents, 0)).toBe(expected)
        expect(shares.every((s) => s.amountCents > 0)).toBe(true)
      }),
    )
  })
})
