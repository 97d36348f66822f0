/**
 * Jobs and milestones as the bonus engine sees them (docs/domain/propay.md §3). They mirror the vendor and are never
 * created here; the states are the spec's, written in lower-case snake case.
 */

export const JOB_STATUSES = ['pending', 'in_progress', 'completed', 'canceled'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export const MILESTONE_STATUSES = [
  'pending',
  'scheduled',
  'in_progress',
  'pending_review',
  'completed',
  'canceled',
] as const
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number]

export interface JobRef {
  readonly id: string
  /** From the integration, never edited locally: recurring jobs get one ProPay per milestone (visit). */
  readonly recurring: boolean
}

export interface MilestoneRef {
  readonly id: string
  readonly status: MilestoneStatus
}

/**
 * `pending_review` counts as done: the vendor says the work is finished and bonus review can start
 * (docs/domain/propay.md §3).
 */
export const isMilestoneDone = (status: MilestoneStatus) => status === 'pending_review' || status === 'completed'

/** The covered milestones that still hold up approval: not canceled and not done. */
export const incompleteMilestones = (milestones: readonly MilestoneRef[]): MilestoneRef[] =>
  milestones.filter((milestone) => milestone.status !== 'canceled' && !isMilestoneDone(milestone.status))

/**
 * Whether the work a ProPay covers is complete (docs/domain/propay.md §4.3, §4.4): every non-canceled milestone is
 * `pending_review` or `completed`. A ProPay whose milestones are all canceled is not complete: there is no finished
 * work to reward.
 */
export function isCoverageComplete(milestones: readonly MilestoneRef[]): boolean {
  const live = milestones.filter((milestone) => milestone.status !== 'canceled')
  return live.length > 0 && live.every((milestone) => isMilestoneDone(milestone.status))
}

/** Why the covered work is not complete, for a person to read; `null` when it is complete. */
export function incompleteCoverageMessage(milestones: readonly MilestoneRef[]): string | null {
  if (isCoverageComplete(milestones)) return null
  const waiting = incompleteMilestones(milestones).map((milestone) => `${milestone.id} (${milestone.status})`)
  return waiting.length > 0
    ? `The work is not complete: milestone(s) ${waiting.join(', ')} must reach pending_review or completed.`
    : 'Every milestone of this ProPay is canceled: there is no completed work to approve.'
}
