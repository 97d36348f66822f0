import type { CrewBucketBreakdown } from './breakdown'
import { distributeCrewBucket, type CrewMember, type CrewShare, type DistributionConfig } from './distribution'
import { type FormatMoney, formatCents } from './format-cents'
import type { Problem, Warning } from './issues'
import { splitByLargestRemainder, type Allocation } from './largest-remainder'
import { eligibleRecipients, type ProPayPeople } from './propay-people'
import type { BucketRole } from './roles'
import { deductPenalties, type Penalty } from './safeguards'
import type { Cents } from './units'

export interface RoleAllocation {
  readonly crew: CrewBucketBreakdown
  readonly crewShares: readonly CrewShare[]
  readonly crewLeadShares: readonly Allocation<string>[]
  readonly otherShares: readonly Allocation<string>[]
  readonly managerShare: Allocation<string>
  readonly penaltiesAppliedCents: Cents
  readonly recipientIds: Readonly<Record<BucketRole, string[]>>
  readonly problems: Problem[]
  readonly warnings: Warning[]
}

export interface RoleAllocationInput {
  readonly buckets: Readonly<Record<BucketRole, Cents>>
  /** `false` when no bonus is paid (disqualified, over budget): manual amounts are then ignored. */
  readonly payable: boolean
  readonly people: ProPayPeople
  readonly otherRecipientIds: readonly string[]
  readonly distribution: DistributionConfig
  readonly members: readonly CrewMember[]
  readonly penalties: readonly Penalty[]
  /** How amounts read in messages; en-US dollars by default. */
  readonly money?: FormatMoney
}

/**
 * Hands each bucket to its holders (docs/domain/propay.md §7): crew lead bucket equally to the eligible leads (or into
 * the crew bucket when there is none, **Open**), penalties off the crew bucket, crew bucket by the distribution type,
 * manager bucket to the manager, other bucket equally to its eligible recipients. The company bucket is not paid out.
 */
export function allocateRoleBuckets(input: RoleAllocationInput): RoleAllocation {
  const { buckets, people } = input
  const money = input.money ?? formatCents
  const problems: Problem[] = []
  const warnings: Warning[] = []

  const leadIds = eligibleRecipients(people, people.crewLeadIds)
  const fromCrewLeadCents = leadIds.length === 0 ? buckets.crew_lead : 0
  if (fromCrewLeadCents > 0) {
    warnings.push({
      code: 'crew_lead_bucket_to_crew',
      message:
        `No eligible crew lead on this ProPay: the ${money(fromCrewLeadCents)} crew lead bucket is added to ` +
        'the crew bucket.',
    })
  }

  const penalties = deductPenalties(buckets.crew + fromCrewLeadCents, input.penalties)
  if (penalties.appliedCents > penalties.deductedCents) {
    warnings.push({
      code: 'penalties_exceed_crew_bucket',
      message:
        `Penalties of ${money(penalties.appliedCents)} exceed the crew bucket; only ` +
        `${money(penalties.deductedCents)} is deducted (the bucket stops at ${money(0)}).`,
    })
  }
  const distribution = input.payable || input.distribution.type !== 'manual' ? input.distribution : IGNORED_MANUAL
  const crew = distributeCrewBucket(penalties.remainingCrewCents, input.members, distribution, money)
  problems.push(...crew.problems)

  const otherIds = eligibleRecipients(people, input.otherRecipientIds)
  if (buckets.other > 0 && otherIds.length === 0) {
    problems.push({
      code: 'no_eligible_other_recipient',
      message:
        `The ${money(buckets.other)} other bucket has no eligible recipient ` +
        '(all are excluded or have Remove Bonus).',
    })
  }

  return {
    crew: {
      distribution: input.distribution.type,
      leadFactorBp: input.distribution.type === 'crew_lead_weighted' ? input.distribution.leadFactorBp : null,
      bucketCents: buckets.crew,
      fromCrewLeadCents,
      penaltiesDeductedCents: penalties.deductedCents,
      distributableCents: penalties.remainingCrewCents,
      totalWeight: crew.totalWeight === null ? null : crew.totalWeight.toString(),
      distributedCents: penalties.remainingCrewCents - crew.unallocatedCents,
      unallocatedCents: crew.unallocatedCents,
    },
    crewShares: crew.shares,
    crewLeadShares: leadIds.length === 0 ? [] : splitEqually(buckets.crew_lead, leadIds),
    otherShares: otherIds.length === 0 ? [] : splitEqually(buckets.other, otherIds),
    managerShare: { key: people.managerId, amountCents: buckets.manager },
    penaltiesAppliedCents: penalties.appliedCents,
    recipientIds: {
      crew: crew.shares.filter((share) => share.amountCents > 0).map((share) => share.workerId),
      crew_lead: leadIds,
      manager: [people.managerId],
      company: [],
      other: otherIds,
    },
    problems,
    warnings,
  }
}

const IGNORED_MANUAL: DistributionConfig = { type: 'manual', amountsCents: {} }

/** Equal shares by largest remainder; `ids` are sorted, so leftover cents go to the lowest ids. */
const splitEqually = (amountCents: Cents, ids: readonly string[]) =>
  splitByLargestRemainder(
    amountCents,
    ids.map((id) => ({ key: id, weight: 1n })),
  )
