import { isCoverageComplete, type MilestoneRef } from './milestones'
import type { TimeEntry } from './time-entry'

export const WORK_STATES = ['pending', 'started', 'complete'] as const
/** A display state derived from milestones and time, never stored (docs/domain/propay.md §4.3). */
export type WorkState = (typeof WORK_STATES)[number]

const ONE_MINUTE = 60

/**
 * Derives the work state of a ProPay (docs/domain/propay.md §4.3). `complete` wins when the covered milestones are
 * done; otherwise `started` needs one worker with at least a minute logged (any kind of time, drive included: it is
 * logged work on the ProPay even when it does not count as cost).
 */
export function deriveWorkState(
  milestones: readonly MilestoneRef[],
  timeEntries: readonly Pick<TimeEntry, 'workerId' | 'seconds'>[],
): WorkState {
  if (isCoverageComplete(milestones)) return 'complete'
  const secondsByWorker = new Map<string, number>()
  for (const entry of timeEntries) {
    secondsByWorker.set(entry.workerId, (secondsByWorker.get(entry.workerId) ?? 0) + entry.seconds)
  }
  return [...secondsByWorker.values()].some((seconds) => seconds >= ONE_MINUTE) ? 'started' : 'pending'
}
