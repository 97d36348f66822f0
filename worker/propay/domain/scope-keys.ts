import type { JobRef, MilestoneRef } from './milestones'

/**
 * What one ProPay covers, with the key persistence makes unique so a re-sync never creates a second ProPay on the
 * same work (docs/domain/propay.md §4.1 "Idempotency").
 */
export type ProPayScope =
  | { readonly kind: 'job'; readonly key: `job:${string}`; readonly jobId: string; readonly milestoneIds: string[] }
  | {
      readonly kind: 'milestone'
      readonly key: `milestone:${string}`
      readonly jobId: string
      readonly milestoneIds: [string]
    }

/**
 * The ProPay scopes a job can hold (docs/domain/propay.md §3): a non-recurring job has one ProPay for the whole job,
 * rolling up all its milestones; a recurring job has one per milestone. Either way a milestone is covered by exactly
 * one scope. Canceled milestones still get their key (a ProPay may already exist for them); whether a ProPay should be
 * created is decided by {@link checkCreationEligibility}.
 *
 * @example
 * proPayScopes({ id: '7', recurring: false }, [{ id: 'a', status: 'pending' }])
 * // → [{ kind: 'job', key: 'job:7', jobId: '7', milestoneIds: ['a'] }]
 */
export function proPayScopes(job: JobRef, milestones: readonly MilestoneRef[]): ProPayScope[] {
  if (!job.recurring) {
    return [{ kind: 'job', key: `job:${job.id}`, jobId: job.id, milestoneIds: milestones.map((m) => m.id) }]
  }
  return milestones.map((milestone) => ({
    kind: 'milestone',
    key: `milestone:${milestone.id}`,
    jobId: job.id,
    milestoneIds: [milestone.id],
  }))
}

/** The key of the one ProPay scope that covers a milestone, e.g. to route its time entries. */
export const scopeKeyForMilestone = (job: JobRef, milestoneId: string): ProPayScope['key'] =>
  job.recurring ? `milestone:${milestoneId}` : `job:${job.id}`
