import { compareDates, isIsoDate } from './iso-date'
import { err, ok, type Result } from './result'
import type { IsoDate } from './units'

export const LINE_ITEM_STATUSES = ['held', 'in_process', 'paid', 'voided'] as const
/** Held → In Process → Paid, or → Voided (docs/domain/propay.md §13). Paid and voided are final. */
export type LineItemStatus = (typeof LINE_ITEM_STATUSES)[number]

export const HOLD_REASONS = ['waiting_period', 'retention', 'manual'] as const
export type HoldReason = (typeof HOLD_REASONS)[number]

export interface LineItemState {
  readonly status: LineItemStatus
  /** Why it is held; `null` unless held. */
  readonly holdReason: HoldReason | null
  /** When a timed hold ends; `null` for a manual hold (until released) or when not held. */
  readonly heldUntil: IsoDate | null
  /** Set when paid: the pay date payroll chose. */
  readonly paidOn: IsoDate | null
}

export type LineItemAction =
  /** A manager releases a held item now. */
  | { readonly type: 'release' }
  /** The automatic switch once the waiting period or retention is over; refused before `heldUntil`. */
  | { readonly type: 'release_if_due'; readonly today: IsoDate }
  /** A manager holds an item again; without `until` it stays held until released, with it until that date. */
  | { readonly type: 'hold'; readonly until?: IsoDate }
  | { readonly type: 'extend_hold'; readonly until: IsoDate }
  | { readonly type: 'void' }
  /** Payroll marked the statement paid. */
  | { readonly type: 'mark_paid'; readonly payDate: IsoDate }

export interface LineItemError {
  readonly code: 'illegal_transition' | 'hold_not_over' | 'invalid_date'
  readonly message: string
  readonly status: LineItemStatus
  readonly action: LineItemAction['type']
}

/**
 * Moves a bonus line item through its states (docs/domain/propay.md §13). Pure: returns the next state, or an error
 * explaining why the action is not allowed now, leaving the item as it was.
 */
export function transitionLineItem(
  item: LineItemState,
  action: LineItemAction,
): Result<LineItemState, LineItemError> {
  const fail = (code: LineItemError['code'], message: string) =>
    err({ code, message, status: item.status, action: action.type })
  const refuse = (what: string) =>
    fail('illegal_transition', `A ${item.status.replace('_', ' ')} line item cannot be ${what}.`)
  const date = dateOf(action)
  if (date !== null && !isIsoDate(date)) {
    return fail('invalid_date', `${JSON.stringify(date)} is not a YYYY-MM-DD date.`)
  }

  switch (action.type) {
    case 'release':
      return item.status === 'held' ? ok(inProcess(item)) : refuse('released')
    case 'release_if_due':
      if (item.status !== 'held') return refuse('released')
      if (item.heldUntil === null) {
        return fail('hold_not_over', 'The item is on a manual hold without an end date; a manager must release it.')
      }
      if (compareDates(action.today, item.heldUntil) < 0) {
        return fail('hold_not_over', `The item is held until ${item.heldUntil}.`)
      }
      return ok(inProcess(item))
    case 'hold':
      return item.status === 'in_process'
        ? ok({ ...item, status: 'held', holdReason: 'manual', heldUntil: action.until ?? null })
        : refuse('put on hold')
    case 'extend_hold':
      if (item.status !== 'held') return refuse('given a longer hold')
      if (item.heldUntil !== null && compareDates(action.until, item.heldUntil) <= 0) {
        return fail('illegal_transition', `The hold already runs until ${item.heldUntil}; pick a later date.`)
      }
      return ok({ ...item, heldUntil: action.until })
    case 'void':
      return item.status === 'held' || item.status === 'in_process'
        ? ok({ ...item, status: 'voided', holdReason: null, heldUntil: null })
        : refuse('voided')
    case 'mark_paid':
      return item.status === 'in_process' ? ok({ ...item, status: 'paid', paidOn: action.payDate }) : refuse('paid')
  }
}

function dateOf(action: LineItemAction): string | null {
  switch (action.type) {
    case 'release_if_due':
      return action.today
    case 'hold':
    case 'extend_hold':
      return action.until ?? null
    case 'mark_paid':
      return action.payDate
    default:
      return null
  }
}

const inProcess = (item: LineItemState): LineItemState => ({
  ...item,
  status: 'in_process',
  holdReason: null,
  heldUntil: null,
})
