import { compareIds } from './compare-ids'
import type { CrewDistribution, CrewMember } from './crew-types'
import { type FormatMoney, formatCents } from './format-cents'
import { splitByLargestRemainder } from './largest-remainder'
import { distributeManually } from './manual-distribution'
import { FULL_BP, type BasisPoints, type Cents } from './units'

export type { CrewDistribution, CrewMember, CrewShare } from './crew-types'

export const DISTRIBUTION_TYPES = ['equal_rate', 'equal_weighted', 'crew_lead_weighted', 'manual'] as const
export type DistributionType = (typeof DISTRIBUTION_TYPES)[number]

/** How the crew bucket is divided among crew members (docs/domain/propay.md §8 **Decision**). */
export type DistributionConfig =
  /** Weight hours × wage: everyone's effective hourly wage rises by the same percentage. */
  | { readonly type: 'equal_rate' }
  /** Weight hours: the same dollars per hour worked. */
  | { readonly type: 'equal_weighted' }
  /** Weight hours × k for crew leads (k in basis points, e.g. 15000 = 1.5), hours for everyone else. */
  | { readonly type: 'crew_lead_weighted'; readonly leadFactorBp: BasisPoints }
  /** Amounts entered by the manager, per worker id; they must sum exactly to the bucket. */
  | { readonly type: 'manual'; readonly amountsCents: Readonly<Record<string, Cents>> }

/** The weight of one member under a weighted distribution type (docs/domain/propay.md §8 table). */
export function crewWeight(member: CrewMember, config: Exclude<DistributionConfig, { type: 'manual' }>): bigint {
  if (!member.bonusEligible) return 0n
  switch (config.type) {
    case 'equal_rate':
      return member.baseWageSeconds
    case 'equal_weighted':
      return BigInt(member.seconds)
    case 'crew_lead_weighted':
      // Both sides scaled by 10000 so k stays an integer: lead = seconds × k bp, others = seconds × 10000.
      return BigInt(member.seconds) * BigInt(member.isCrewLead ? config.leadFactorBp : FULL_BP)
  }
}

/**
 * Divides the crew bucket: member i gets bucket × wᵢ / Σw by largest remainder, ties to the lower worker id, so the
 * shares sum exactly to the bucket. When Σw = 0 with money to share, nothing is handed out and approval is blocked.
 */
export function distributeCrewBucket(
  bucketCents: Cents,
  members: readonly CrewMember[],
  config: DistributionConfig,
  money: FormatMoney = formatCents,
): CrewDistribution {
  const sorted = [...members].sort((a, b) => compareIds(a.workerId, b.workerId))
  if (config.type === 'manual') return distributeManually(bucketCents, sorted, config.amountsCents, money)

  const parts = sorted.map((member) => ({ key: member.workerId, weight: crewWeight(member, config) }))
  const totalWeight = parts.reduce((sum, part) => sum + part.weight, 0n)
  if (totalWeight === 0n && bucketCents > 0) {
    return {
      shares: parts.map((part) => ({ workerId: part.key, weight: part.weight, amountCents: 0 })),
      totalWeight,
      unallocatedCents: bucketCents,
      problems: [
        {
          code: 'zero_total_weight',
          message:
            `No crew member can share the ${money(bucketCents)} crew bucket (no eligible hours, or everyone ` +
            'is excluded or has Remove Bonus). Include a worker or change the distribution before approving.',
        },
      ],
    }
  }
  const amounts = splitByLargestRemainder(bucketCents, parts)
  return {
    shares: parts.map((part, index) => ({
      workerId: part.key,
      weight: part.weight,
      amountCents: amounts[index]!.amountCents,
    })),
    totalWeight,
    unallocatedCents: 0,
    problems: [],
  }
}
