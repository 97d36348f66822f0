import { describe, expect, it } from 'vitest'
import { buildApprovalLineItems, lineItemIdempotencyKey, NO_HOLD, type HoldPolicy } from './approval-line-items'
import type { Payout } from './breakdown'

const payouts: Payout[] = [
  { workerId: 'a', role: 'crew', amountCents: 8_750 },
  { workerId: 'a', role: 'crew_lead', amountCents: 5_000 },
  { workerId: 'b', role: 'crew', amountCents: 8_750 },
  { workerId: 'mgr', role: 'manager', amountCents: 2_500 },
]
const build = (holdPolicy: HoldPolicy = NO_HOLD, approvalRound = 1) =>
  buildApprovalLineItems({ proPayId: 'p1', approvalRound, approvalDate: '2026-05-06', payouts, holdPolicy })

describe('buildApprovalLineItems', () => {
  it('should create one held item per (worker, role) with the payout amounts', () => {
    const items = build()
    expect(items.map((item) => [item.workerId, item.role, item.amountCents, item.status])).toEqual([
      ['a', 'crew', 8_750, 'held'],
      ['a', 'crew_lead', 5_000, 'held'],
      ['b', 'crew', 8_750, 'held'],
      ['mgr', 'manager', 2_500, 'held'],
    ])
    expect(items[0]).toEqual({
      idempotencyKey: 'propay:p1:approval:1:crew:a',
      proPayId: 'p1',
      approvalRound: 1,
      approvalDate: '2026-05-06',
      workerId: 'a',
      role: 'crew',
      kind: 'bonus',
      amountCents: 8_750,
      status: 'held',
      holdReason: 'waiting_period',
      heldUntil: '2026-05-06',
      paidOn: null,
    })
  })

  it('should give deterministic keys, unique per item and per approval round', () => {
    const keys = build().map((item) => item.idempotencyKey)
    expect(build().map((item) => item.idempotencyKey)).toEqual(keys)
    expect(new Set(keys).size).toBe(keys.length)
    expect(build(NO_HOLD, 2).some((item) => keys.includes(item.idempotencyKey))).toBe(false)
  })

  it('should encode ids so a colon cannot make two keys collide', () => {
    expect(lineItemIdempotencyKey('p:1', 1, 'w', 'crew')).toBe('propay:p%3A1:approval:1:crew:w')
    expect(lineItemIdempotencyKey('p', 1, '1:crew:w', 'crew')).not.toBe(lineItemIdempotencyKey('p', 1, '1', 'crew'))
  })

  it('should hold items for the waiting period, or the role’s retention when longer', () => {
    const items = build({ waitingPeriodDays: 3, retentionDays: { crew: 0, crew_lead: 30, manager: 3, other: 0 } })
    expect(items.map((item) => [item.role, item.holdReason, item.heldUntil])).toEqual([
      ['crew', 'waiting_period', '2026-05-09'],
      ['crew_lead', 'retention', '2026-06-05'],
      ['crew', 'waiting_period', '2026-05-09'],
      ['manager', 'waiting_period', '2026-05-09'],
    ])
  })
})
