import { describe, expect, it } from 'vitest'
import { lineItemIdempotencyKey } from './approval-line-items'
import { buildOverageLineItems, overageIdempotencyKey, overageSharesOf } from './overage-line-items'

describe('buildOverageLineItems', () => {
  it('should turn overage shares into negative in-process items, skipping zero shares', () => {
    const items = buildOverageLineItems({
      proPayId: 'p1',
      approvalRound: 2,
      approvalDate: '2026-05-06',
      shares: [{ workerId: 'w1', amountCents: 2_500 }, { workerId: 'w2', amountCents: 0 }],
    })
    expect(items).toEqual([
      {
        idempotencyKey: 'propay:p1:approval:2:overage:w1',
        proPayId: 'p1',
        approvalRound: 2,
        approvalDate: '2026-05-06',
        workerId: 'w1',
        role: 'crew',
        kind: 'overage',
        amountCents: -2_500,
        status: 'in_process',
        holdReason: null,
        heldUntil: null,
        paidOn: null,
      },
    ])
  })

  it('should never share a key with a bonus item of the same worker', () => {
    const bonusKeys = (['crew', 'crew_lead', 'manager', 'other'] as const).map((role) => lineItemIdempotencyKey('p1', 1, 'w1', role))
    expect(bonusKeys).not.toContain(overageIdempotencyKey('p1', 1, 'w1'))
    expect(overageIdempotencyKey('p:1', 1, 'w:1')).toBe('propay:p%3A1:approval:1:overage:w%3A1')
  })
})

describe('overageSharesOf', () => {
  const row = (workerId: string, weight: string | null, seconds: number, excluded = false) =>
    ({ workerId, weight, seconds, bonusExclusion: excluded ? 'excluded' : null }) as never
  const savings = (savedCents: number | null, noBonusReason: 'over_budget' | 'disqualified' | null) => ({ savedCents, splitBp: 5_000, workerShareCents: 0, noBonusReason })

  it('should share the workers’ split of the overage by the crew weights', () => {
    // $100 over budget at a 50% split: $50 shared 3 : 1.
    const breakdown = { workers: [row('a', '3', 3600), row('b', '1', 3600), row('mgr', null, 0)], savings: savings(-10_000, 'over_budget') }
    expect(overageSharesOf(breakdown)).toEqual([{ workerId: 'a', amountCents: 3_750 }, { workerId: 'b', amountCents: 1_250 }])
  })

  it('should fall back to counted hours under manual distribution, leaving excluded workers out', () => {
    const breakdown = { workers: [row('a', null, 7200), row('b', null, 3600), row('c', null, 3600, true)], savings: savings(-3_000, 'over_budget') }
    expect(overageSharesOf(breakdown)).toEqual([{ workerId: 'a', amountCents: 1_000 }, { workerId: 'b', amountCents: 500 }])
  })

  it('should charge nobody when the ProPay is not over budget', () => {
    expect(overageSharesOf({ workers: [row('a', '1', 1)], savings: savings(-500, 'disqualified') })).toEqual([])
    expect(overageSharesOf({ workers: [row('a', '1', 1)], savings: savings(500, null) })).toEqual([])
  })
})
