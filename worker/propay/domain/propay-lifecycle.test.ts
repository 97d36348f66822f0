import { describe, expect, it } from 'vitest'
import type { Problem } from './issues'
import type { MilestoneRef } from './milestones'
import { transitionProPay, type ProPayAction } from './propay-lifecycle'
import { newProPayLifecycle, PROPAY_STATUSES, type ProPayLifecycle, type ProPayStatus } from './propay-status'

const done: MilestoneRef[] = [{ id: 'm1', status: 'pending_review' }]
const approve = (overrides: Partial<Extract<ProPayAction, { type: 'approve' }>> = {}): ProPayAction => ({
  type: 'approve',
  approvalDate: '2026-05-06',
  milestones: done,
  problems: [],
  ...overrides,
})
const APPROVED_FIELDS = { approvalDate: '2026-05-06', approvalRound: 1, costExclusionsLocked: true }
const stateIn = (status: ProPayStatus, extra: Partial<ProPayLifecycle> = {}): ProPayLifecycle =>
  Object.freeze({ ...newProPayLifecycle(), status, ...(status === 'approved' ? APPROVED_FIELDS : {}), ...extra })

const ACTIONS: ProPayAction[] = [
  approve(),
  { type: 'unapprove', lineItems: ['held'] },
  { type: 'mark_paid', lineItems: ['paid'] },
  { type: 'cancel', lineItems: [] },
  { type: 'delete', lineItems: [] },
  { type: 'restore' },
]

/** The legal moves of docs/domain/propay.md §4.2; everything else must be refused. */
const LEGAL: Record<ProPayStatus, Partial<Record<ProPayAction['type'], ProPayStatus>>> = {
  active: { approve: 'approved', cancel: 'canceled', delete: 'deleted' },
  approved: { unapprove: 'active', mark_paid: 'paid', cancel: 'canceled', delete: 'deleted' },
  paid: {},
  canceled: { restore: 'active' },
  deleted: {},
}

describe('transitionProPay', () => {
  describe('the transition table', () => {
    for (const status of PROPAY_STATUSES) {
      for (const action of ACTIONS) {
        const target = LEGAL[status][action.type]
        it(`should ${target ? `move ${status} to ${target}` : 'refuse'} on ${action.type} from ${status}`, () => {
          const state = stateIn(status)
          const before = structuredClone(state)
          const result = transitionProPay(state, action)
          if (target) {
            expect(result.ok && result.value.state.status).toBe(target)
          } else {
            expect(result.ok).toBe(false)
            if (!result.ok) {
              expect(result.error).toMatchObject({ status, action: action.type })
              expect(result.error.message.length).toBeGreaterThan(10)
            }
          }
          expect(state).toEqual(before)
        })
      }
    }
  })

  describe('approve', () => {
    it('should record the approval, lock the cost exclusions and ask for line items', () => {
      const result = transitionProPay(stateIn('active'), approve())
      expect(result).toEqual({
        ok: true,
        value: {
          state: { status: 'approved', ...APPROVED_FIELDS, groupId: null },
          effects: ['create_line_items'],
        },
      })
    })

    it('should refuse approving twice', () => {
      const result = transitionProPay(stateIn('approved'), approve())
      expect(!result.ok && result.error.code).toBe('already_approved')
      expect(!result.ok && result.error.message).toBe('This ProPay is already approved; it cannot be approved twice.')
    })

    it('should refuse until the covered milestones are complete', () => {
      const milestones: MilestoneRef[] = [
        { id: 'm1', status: 'completed' },
        { id: 'm2', status: 'scheduled' },
      ]
      const result = transitionProPay(stateIn('active'), approve({ milestones }))
      expect(!result.ok && result.error).toMatchObject({
        code: 'milestones_not_complete',
        message: expect.stringContaining('m2 (scheduled)'),
      })
      const canceled: MilestoneRef[] = [{ id: 'm1', status: 'canceled' }]
      const allCanceled = transitionProPay(stateIn('active'), approve({ milestones: canceled }))
      expect(!allCanceled.ok && allCanceled.error.code).toBe('milestones_not_complete')
    })

    it('should refuse while the breakdown has problems, quoting them', () => {
      const problems: Problem[] = [{ code: 'manual_sum_mismatch', message: 'Manual amounts add up to $1.00.' }]
      const result = transitionProPay(stateIn('active'), approve({ problems }))
      expect(!result.ok && result.error).toMatchObject({
        code: 'approval_blocked',
        message: expect.stringContaining('Manual amounts add up to $1.00.'),
      })
    })

    it('should refuse a malformed approval date', () => {
      const result = transitionProPay(stateIn('active'), approve({ approvalDate: '06/05/2026' }))
      expect(!result.ok && result.error.code).toBe('invalid_date')
    })

    it('should count approval rounds across unapprove and re-approve', () => {
      const first = transitionProPay(stateIn('active'), approve())
      if (!first.ok) throw new Error(first.error.message)
      const back = transitionProPay(first.value.state, { type: 'unapprove', lineItems: ['held', 'in_process'] })
      if (!back.ok) throw new Error(back.error.message)
      expect(back.value).toEqual({
        state: { status: 'active', approvalDate: null, approvalRound: 1, costExclusionsLocked: true, groupId: null },
        effects: ['reverse_unpaid_line_items'],
      })
      const second = transitionProPay(back.value.state, approve({ approvalDate: '2026-05-08' }))
      expect(second.ok && second.value.state).toMatchObject({ approvalRound: 2, approvalDate: '2026-05-08' })
    })
  })

  describe('unapprove', () => {
    it('should refuse once any line item is paid', () => {
      const result = transitionProPay(stateIn('approved'), { type: 'unapprove', lineItems: ['in_process', 'paid'] })
      expect(!result.ok && result.error.code).toBe('line_item_paid')
    })

    it('should allow voided items', () => {
      expect(transitionProPay(stateIn('approved'), { type: 'unapprove', lineItems: ['voided', 'held'] }).ok).toBe(true)
    })
  })

  describe('mark paid', () => {
    it('should wait until every non-voided line item is paid', () => {
      const result = transitionProPay(stateIn('approved'), { type: 'mark_paid', lineItems: ['paid', 'in_process'] })
      expect(!result.ok && result.error.code).toBe('line_items_unpaid')
      expect(transitionProPay(stateIn('approved'), { type: 'mark_paid', lineItems: ['paid', 'voided'] }).ok).toBe(true)
    })
  })

  describe('cancel and delete', () => {
    it('should unapprove an approved ProPay first, reversing its unpaid items', () => {
      const result = transitionProPay(stateIn('approved'), { type: 'cancel', lineItems: ['held'] })
      expect(result.ok && result.value).toEqual({
        state: { status: 'canceled', approvalDate: null, approvalRound: 1, costExclusionsLocked: true, groupId: null },
        effects: ['reverse_unpaid_line_items'],
      })
    })

    it('should refuse an approved ProPay with paid items', () => {
      const result = transitionProPay(stateIn('approved'), { type: 'delete', lineItems: ['paid'] })
      expect(!result.ok && result.error.code).toBe('line_item_paid')
    })

    it('should make deleted terminal', () => {
      const result = transitionProPay(stateIn('deleted'), { type: 'restore' })
      expect(!result.ok && result.error.code).toBe('terminal_status')
    })
  })

  describe('group members', () => {
    const member = (status: ProPayStatus) => stateIn(status, { groupId: 'g1' })

    it('should approve and unapprove only with the whole group', () => {
      const alone = transitionProPay(member('active'), approve())
      expect(!alone.ok && alone.error.code).toBe('group_member')
      expect(transitionProPay(member('active'), approve({ viaGroup: true })).ok).toBe(true)
      const unapproveAlone = transitionProPay(member('approved'), { type: 'unapprove', lineItems: [] })
      expect(!unapproveAlone.ok && unapproveAlone.error.code).toBe('group_member')
      expect(transitionProPay(member('approved'), { type: 'unapprove', lineItems: [], viaGroup: true }).ok).toBe(true)
      const cancelAlone = transitionProPay(member('approved'), { type: 'cancel', lineItems: [] })
      expect(!cancelAlone.ok && cancelAlone.error.code).toBe('group_member')
    })
  })
})
