import { sortedUniqueIds } from './compare-ids'

/** Who is who on one ProPay. */
export interface ProPayPeople {
  /** Exactly one manager per ProPay (docs/domain/propay.md §2); receives the manager bucket. */
  readonly managerId: string
  /** The ProPay's crew lead(s); they share the crew lead bucket equally. */
  readonly crewLeadIds: readonly string[]
  /** Remove Bonus as it stands on this ProPay (the worker's switch with any per-ProPay override applied). */
  readonly bonusRemovedWorkerIds?: readonly string[]
  /** Per-ProPay crew member exclusions. */
  readonly excludedWorkerIds?: readonly string[]
}

export const BONUS_EXCLUSIONS = ['bonus_removed', 'excluded'] as const
/** Why a worker gets no share although their hours count as cost (docs/domain/propay.md §2, §8). */
export type BonusExclusion = (typeof BONUS_EXCLUSIONS)[number]

/**
 * Finds why a worker is kept out of the bonus, if they are. It applies to the crew, crew lead and other buckets:
 * their would-be share goes to the others. The manager bucket follows the ProPay's manager role, not these switches.
 */
export function bonusExclusionOf(people: ProPayPeople, workerId: string): BonusExclusion | null {
  if (people.excludedWorkerIds?.includes(workerId)) return 'excluded'
  if (people.bonusRemovedWorkerIds?.includes(workerId)) return 'bonus_removed'
  return null
}

/** Eligible recipients from a list, by ascending id (the tie-break order of every split). */
export const eligibleRecipients = (people: ProPayPeople, ids: readonly string[]): string[] =>
  sortedUniqueIds(ids).filter((id) => bonusExclusionOf(people, id) === null)
