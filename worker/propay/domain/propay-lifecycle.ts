import { isIsoDate } from './iso-date'
import type { Problem } from './issues'
import type { LineItemStatus } from './line-item-lifecycle'
import { incompleteCoverageMessage, type MilestoneRef } from './milestones'
import type { ProPayLifecycle, ProPayStatus } from './propay-status'
import { err, ok, type Result } from './result'
import type { IsoDate } from './units'

/** What a person (or payroll) asks to do with a ProPay, with the facts the rules need. */
export type ProPayAction =
  | {
      readonly type: 'approve'
      readonly approvalDate: IsoDate
      /** The milestones the ProPay covers, as synced now. */
      readonly milestones: readonly MilestoneRef[]
      /** `problems` of the freshly computed breakdown; approval needs none. */
      readonly problems: readonly Problem[]
      /** True when the whole Group ProPay is being approved together. */
      readonly viaGroup?: boolean
    }
  | { readonly type: 'unapprove'; readonly lineItems: readonly LineItemStatus[]; readonly viaGroup?: boolean }
  /** Payroll paid statements; the ProPay is paid once every one of its (non-voided) line items is. */
  | { readonly type: 'mark_paid'; readonly lineItems: readonly LineItemStatus[] }
  | { readonly type: 'cancel'; readonly lineItems: readonly LineItemStatus[] }
  | { readonly type: 'delete'; readonly lineItems: readonly LineItemStatus[] }
  | { readonly type: 'restore' }

/** Work the persistence layer must do with the new state, in the same atomic batch. */
export type ProPayEffect = 'create_line_items' | 'reverse_unpaid_line_items'

export interface ProPayTransition {
  readonly state: ProPayLifecycle
  readonly effects: ProPayEffect[]
}

export const LIFECYCLE_ERROR_CODES = [
  'illegal_transition',
  'already_approved',
  'terminal_status',
  'milestones_not_complete',
  'approval_blocked',
  'line_item_paid',
  'line_items_unpaid',
  'group_member',
  'invalid_date',
] as const

/** Why an action is refused; the API answers these with 409 Conflict and the message. */
export interface LifecycleError {
  readonly code: (typeof LIFECYCLE_ERROR_CODES)[number]
  readonly message: string
  readonly status: ProPayStatus
  readonly action: ProPayAction['type']
}

/**
 * The ProPay lifecycle of docs/domain/propay.md §4.2 as a pure function: active → approved → paid, canceled
 * (restorable) and deleted (terminal). Returns the next state with the effects to carry out, or a typed error with a
 * human message; the given state is never changed.
 *
 * @example
 * const next = transitionProPay(state, { type: 'approve', approvalDate, milestones, problems: breakdown.problems })
 * if (!next.ok) throw new ApiError('conflict', next.error.message)
 */
export function transitionProPay(
  state: ProPayLifecycle,
  action: ProPayAction,
): Result<ProPayTransition, LifecycleError> {
  const fail: Fail = (code, message) => err({ code, message, status: state.status, action: action.type })

  if (state.status === 'paid' || state.status === 'deleted') {
    return fail('terminal_status', `This ProPay is ${state.status}; it cannot change any more.`)
  }
  switch (action.type) {
    case 'approve':
      return approve(state, action, fail)
    case 'unapprove':
      if (state.status !== 'approved') {
        return fail('illegal_transition', `Only an approved ProPay can be unapproved; this one is ${state.status}.`)
      }
      if (state.groupId !== null && !action.viaGroup) {
        return fail('group_member', 'This ProPay belongs to a group: unapprove the whole group.')
      }
      return leaveApproved(state, 'active', action.lineItems, fail)
    case 'mark_paid':
      if (state.status !== 'approved') {
        return fail('illegal_transition', `Only an approved ProPay can be paid; this one is ${state.status}.`)
      }
      if (action.lineItems.some((status) => status !== 'paid' && status !== 'voided')) {
        return fail('line_items_unpaid', 'Some of this ProPay’s line items are not paid yet.')
      }
      return ok({ state: { ...state, status: 'paid' }, effects: [] })
    case 'cancel':
    case 'delete':
      return remove(state, action.type === 'cancel' ? 'canceled' : 'deleted', action.lineItems, fail)
    case 'restore':
      if (state.status !== 'canceled') {
        return fail('illegal_transition', `Only a canceled ProPay can be restored; this one is ${state.status}.`)
      }
      return ok({ state: { ...state, status: 'active' }, effects: [] })
  }
}

type Fail = (code: LifecycleError['code'], message: string) => Result<never, LifecycleError>

function approve(
  state: ProPayLifecycle,
  action: Extract<ProPayAction, { type: 'approve' }>,
  fail: Fail,
): Result<ProPayTransition, LifecycleError> {
  if (state.status === 'approved') {
    return fail('already_approved', 'This ProPay is already approved; it cannot be approved twice.')
  }
  if (state.status !== 'active') {
    return fail('illegal_transition', `A ${state.status} ProPay cannot be approved; restore it first.`)
  }
  if (state.groupId !== null && !action.viaGroup) {
    return fail('group_member', 'This ProPay belongs to a group: approve the whole group.')
  }
  if (!isIsoDate(action.approvalDate)) {
    return fail('invalid_date', `Approval date ${JSON.stringify(action.approvalDate)} is not a YYYY-MM-DD date.`)
  }
  const incomplete = incompleteCoverageMessage(action.milestones)
  if (incomplete !== null) return fail('milestones_not_complete', incomplete)
  if (action.problems.length > 0) {
    const reasons = action.problems.map((problem) => problem.message).join(' ')
    return fail('approval_blocked', `Approval is blocked: ${reasons}`)
  }
  const approved: ProPayLifecycle = {
    ...state,
    status: 'approved',
    approvalDate: action.approvalDate,
    approvalRound: state.approvalRound + 1,
    costExclusionsLocked: true,
  }
  return ok({ state: approved, effects: ['create_line_items'] })
}

/**
 * Cancel or delete; an approved ProPay is unapproved first (docs/domain/propay.md §4.2 **Decision**), under the
 * unapprove rules.
 */
function remove(
  state: ProPayLifecycle,
  target: 'canceled' | 'deleted',
  lineItems: readonly LineItemStatus[],
  fail: Fail,
): Result<ProPayTransition, LifecycleError> {
  if (state.status === 'active') return ok({ state: { ...state, status: target }, effects: [] })
  if (state.status !== 'approved') {
    return fail('illegal_transition', `A ${state.status} ProPay cannot be ${target}; restore it first.`)
  }
  if (state.groupId !== null) {
    return fail('group_member', 'This ProPay belongs to a group: unapprove the whole group first.')
  }
  return leaveApproved(state, target, lineItems, fail)
}

/** Leaving `approved` reverses the unpaid line items: allowed only while none is paid (no partial payments). */
function leaveApproved(
  state: ProPayLifecycle,
  target: ProPayStatus,
  lineItems: readonly LineItemStatus[],
  fail: Fail,
): Result<ProPayTransition, LifecycleError> {
  if (lineItems.includes('paid')) {
    return fail('line_item_paid', 'Some of this ProPay’s line items are already paid, so it cannot be unapproved.')
  }
  return ok({ state: { ...state, status: target, approvalDate: null }, effects: ['reverse_unpaid_line_items'] })
}
