import type { CrewDistribution, CrewMember } from './crew-types'
import { type FormatMoney, formatCents } from './format-cents'
import type { Problem } from './issues'
import type { Cents } from './units'

/**
 * Pays the amounts the manager entered (docs/domain/propay.md §8 Manual). They must sum exactly to the bucket, in
 * cents, or approval is blocked; an amount for a worker who is not an eligible crew member also blocks. Missing workers
 * get $0.
 *
 * @param members - crew members by ascending worker id
 */
export function distributeManually(
  bucketCents: Cents,
  members: readonly CrewMember[],
  amountsCents: Readonly<Record<string, Cents>>,
  money: FormatMoney = formatCents,
): CrewDistribution {
  const problems: Problem[] = []
  const eligible = new Set(members.filter((member) => member.bonusEligible).map((member) => member.workerId))
  for (const [workerId, amount] of Object.entries(amountsCents)) {
    if (amount !== 0 && !eligible.has(workerId)) {
      problems.push({
        code: 'manual_amount_for_ineligible_worker',
        message:
          `Worker ${workerId} is given ${money(amount)} but is not an eligible crew member on this ProPay; ` +
          `set it to ${money(0)}.`,
      })
    }
  }

  const shares = members.map((member) => ({
    workerId: member.workerId,
    weight: null,
    amountCents: eligible.has(member.workerId) ? (amountsCents[member.workerId] ?? 0) : 0,
  }))
  const distributed = shares.reduce((sum, share) => sum + share.amountCents, 0)
  if (distributed !== bucketCents) {
    problems.push({
      code: 'manual_sum_mismatch',
      message:
        `Manual amounts add up to ${money(distributed)} but the crew bucket is ${money(bucketCents)}; ` +
        'they must match to the cent.',
    })
  }
  return { shares, totalWeight: null, unallocatedCents: bucketCents - distributed, problems }
}
