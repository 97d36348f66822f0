import type { Payout } from './breakdown'
import { addDays } from './iso-date'
import type { LineItemState } from './line-item-lifecycle'
import type { PayoutRole } from './roles'
import type { Cents, IsoDate } from './units'

/**
 * A bonus line item to create at approval: one per (ProPay, worker, bucket role) (docs/domain/propay.md §13
 * **Decision**).
 */
export interface BonusLineItem extends LineItemState {
  /** Unique per approval round, so reprocessing an approval never pays twice. */
  readonly idempotencyKey: string
  readonly proPayId: string
  readonly approvalRound: number
  readonly approvalDate: IsoDate
  readonly workerId: string
  readonly role: PayoutRole
  /** A bonus (amount > 0), or a share of an over-budget ProPay's overage under negative netting (amount < 0). */
  readonly kind: 'bonus' | 'overage'
  readonly amountCents: Cents
}

/**
 * How long new items stay held: the waiting period, or the role's retention when that is longer
 * (docs/domain/propay.md §9, §7).
 */
export interface HoldPolicy {
  readonly waitingPeriodDays: number
  readonly retentionDays: Readonly<Record<PayoutRole, number>>
}

export const NO_HOLD: HoldPolicy = {
  waitingPeriodDays: 0,
  retentionDays: { crew: 0, crew_lead: 0, manager: 0, other: 0 },
}

/**
 * The deterministic key of a line item. The approval round is part of it because re-approving after an unapprove
 * creates new items next to the reversed ones (docs/domain/propay.md §4.2). Parts are URI-encoded so an id containing
 * `:` cannot collide with another key.
 *
 * @example
 * lineItemIdempotencyKey('p1', 1, 'w7', 'crew') // → 'propay:p1:approval:1:crew:w7'
 */
export const lineItemIdempotencyKey = (proPayId: string, approvalRound: number, workerId: string, role: PayoutRole) =>
  `propay:${encodeURIComponent(proPayId)}:approval:${approvalRound}:${role}:${encodeURIComponent(workerId)}`

export interface ApprovalLineItemsInput {
  readonly proPayId: string
  /** From the approved lifecycle state (`approvalRound`, `approvalDate`). */
  readonly approvalRound: number
  readonly approvalDate: IsoDate
  /** `breakdown.payouts` of the breakdown that was approved. */
  readonly payouts: readonly Payout[]
  readonly holdPolicy: HoldPolicy
}

/**
 * Turns the approved payouts into line items, all starting held (docs/domain/propay.md §13): until the end of the
 * waiting period or, when longer, the retention of the item's role. The company bucket is never paid, so it never
 * appears here.
 */
export function buildApprovalLineItems(input: ApprovalLineItemsInput): BonusLineItem[] {
  const { proPayId, approvalRound, approvalDate, holdPolicy } = input
  return input.payouts.map((payout) => {
    const retention = holdPolicy.retentionDays[payout.role]
    const holdDays = Math.max(holdPolicy.waitingPeriodDays, retention)
    return {
      idempotencyKey: lineItemIdempotencyKey(proPayId, approvalRound, payout.workerId, payout.role),
      proPayId,
      approvalRound,
      approvalDate,
      workerId: payout.workerId,
      role: payout.role,
      kind: 'bonus',
      amountCents: payout.amountCents,
      status: 'held',
      holdReason: retention > holdPolicy.waitingPeriodDays ? 'retention' : 'waiting_period',
      heldUntil: addDays(approvalDate, holdDays),
      paidOn: null,
    }
  })
}
