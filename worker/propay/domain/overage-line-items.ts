import type { BonusLineItem } from './approval-line-items'
import type { ProPayBreakdown } from './breakdown'
import { splitOverage, type OverageShare, type OverageWeight } from './negative-netting'
import type { IsoDate } from './units'

/** Kept apart from the bonus keys (`…:crew:w1`), so an overage item can never collide with a bonus item. */
export const overageIdempotencyKey = (proPayId: string, approvalRound: number, workerId: string) =>
  `propay:${encodeURIComponent(proPayId)}:approval:${approvalRound}:overage:${encodeURIComponent(workerId)}`

export interface OverageLineItemsInput {
  readonly proPayId: string
  readonly approvalRound: number
  readonly approvalDate: IsoDate
  readonly shares: readonly OverageShare[]
}

/**
 * The line items that carry the workers' overage shares onto their statements under negative netting
 * (docs/domain/propay.md §13): negative amounts, so a statement lists "−$25.00" next to its bonuses. They start In
 * Process: a hold protects the company against paying too early, and there is nothing to pay here.
 */
export function buildOverageLineItems(input: OverageLineItemsInput): BonusLineItem[] {
  return input.shares
    .filter((share) => share.amountCents > 0)
    .map((share) => ({
      idempotencyKey: overageIdempotencyKey(input.proPayId, input.approvalRound, share.workerId),
      proPayId: input.proPayId,
      approvalRound: input.approvalRound,
      approvalDate: input.approvalDate,
      workerId: share.workerId,
      role: 'crew',
      kind: 'overage',
      amountCents: -share.amountCents,
      status: 'in_process',
      holdReason: null,
      heldUntil: null,
      paidOn: null,
    }))
}

/**
 * The weights an overage is shared with: the crew distribution weights the bonus would have used. Under manual
 * distribution there are none, so the counted hours of the workers not excluded stand in (**Decision**).
 */
export function overageWeightsOf(breakdown: Pick<ProPayBreakdown, 'workers'>): OverageWeight[] {
  const weighted = breakdown.workers.some((row) => row.weight !== null)
  return breakdown.workers.flatMap((row) => {
    if (weighted) return row.weight === null ? [] : [{ workerId: row.workerId, weight: BigInt(row.weight) }]
    return row.bonusExclusion === null && row.seconds > 0 ? [{ workerId: row.workerId, weight: BigInt(row.seconds) }] : []
  })
}

/**
 * The workers' overage shares of an approved breakdown, or none when it is not over budget (a disqualified or
 * unpriced ProPay charges nobody).
 */
export function overageSharesOf(breakdown: Pick<ProPayBreakdown, 'workers' | 'savings'>): OverageShare[] {
  const { savedCents, noBonusReason, splitBp } = breakdown.savings
  if (noBonusReason !== 'over_budget' || savedCents === null || savedCents >= 0) return []
  return splitOverage(-savedCents, splitBp, overageWeightsOf(breakdown))
}
