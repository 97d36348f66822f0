import { describe, expect, it } from 'vitest'
import {
  LINE_ITEM_STATUSES,
  transitionLineItem,
  type LineItemAction,
  type LineItemState,
  type LineItemStatus,
} from './line-item-lifecycle'

const item = (status: LineItemStatus, extra: Partial<LineItemState> = {}): LineItemState =>
  Object.freeze({
    status,
    holdReason: status === 'held' ? 'waiting_period' : null,
    heldUntil: status === 'held' ? '2026-05-10' : null,
    paidOn: status === 'paid' ? '2026-05-15' : null,
    ...extra,
  })

const ACTIONS: LineItemAction[] = [
  { type: 'release' },
  { type: 'release_if_due', today: '2026-05-10' },
  { type: 'hold' },
  { type: 'extend_hold', until: '2026-06-01' },
  { type: 'void' },
  { type: 'mark_paid', payDate: '2026-05-15' },
]

const LEGAL: Record<LineItemStatus, Partial<Record<LineItemAction['type'], LineItemStatus>>> = {
  held: { release: 'in_process', release_if_due: 'in_process', extend_hold: 'held', void: 'voided' },
  in_process: { hold: 'held', void: 'voided', mark_paid: 'paid' },
  paid: {},
  voided: {},
}

describe('transitionLineItem', () => {
  for (const status of LINE_ITEM_STATUSES) {
    for (const action of ACTIONS) {
      const target = LEGAL[status][action.type]
      it(`should ${target ? `move ${status} to ${target}` : 'refuse'} on ${action.type} from ${status}`, () => {
        const state = item(status)
        const result = transitionLineItem(state, action)
        if (target) expect(result.ok && result.value.status).toBe(target)
        else {
          expect(!result.ok && result.error).toMatchObject({ code: 'illegal_transition', status, action: action.type })
        }
        expect(state).toEqual(item(status))
      })
    }
  }

  it('should release a timed hold only once it is over', () => {
    const early = transitionLineItem(item('held'), { type: 'release_if_due', today: '2026-05-09' })
    expect(!early.ok && early.error).toMatchObject({
      code: 'hold_not_over',
      message: 'The item is held until 2026-05-10.',
    })
    const due = transitionLineItem(item('held'), { type: 'release_if_due', today: '2026-05-10' })
    expect(due.ok && due.value).toEqual({ status: 'in_process', holdReason: null, heldUntil: null, paidOn: null })
  })

  it('should never auto-release a manual hold without an end date', () => {
    const held = transitionLineItem(item('in_process'), { type: 'hold' })
    expect(held.ok && held.value).toEqual({ status: 'held', holdReason: 'manual', heldUntil: null, paidOn: null })
    if (!held.ok) return
    const auto = transitionLineItem(held.value, { type: 'release_if_due', today: '2030-01-01' })
    expect(!auto.ok && auto.error.code).toBe('hold_not_over')
  })

  it('should only extend a hold to a later date', () => {
    const shorter = transitionLineItem(item('held'), { type: 'extend_hold', until: '2026-05-10' })
    expect(!shorter.ok && shorter.error.code).toBe('illegal_transition')
    const longer = transitionLineItem(item('held'), { type: 'extend_hold', until: '2026-05-20' })
    expect(longer.ok && longer.value.heldUntil).toBe('2026-05-20')
  })

  it('should record the pay date', () => {
    const paid = transitionLineItem(item('in_process'), { type: 'mark_paid', payDate: '2026-05-15' })
    expect(paid.ok && paid.value).toEqual({ status: 'paid', holdReason: null, heldUntil: null, paidOn: '2026-05-15' })
  })

  it('should refuse malformed dates', () => {
    const result = transitionLineItem(item('in_process'), { type: 'mark_paid', payDate: '2026-5-15' })
    expect(!result.ok && result.error.code).toBe('invalid_date')
  })
})
