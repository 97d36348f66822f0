/**
 * ProPay scopes with connection-qualified keys: `job:<connection>:<job id>` for a non-recurring job and
 * `milestone:<connection>:<milestone id>` for a visit of a recurring one. Vendor ids are unique only within a
 * connection; connection ids are UUIDs (no colon), so a key never reads two ways.
 * @module
 */
import { proPayScopes, scopeKeyForMilestone, type MilestoneStatus } from './domain'

export interface Scope {
  key: string
  kind: 'job' | 'milestone'
  jobExternalId: string
  milestoneExternalId: string | null
}

const qualify = (connectionId: string, id: string) => `${connectionId}:${id}`

/** The scopes a job holds: one for a non-recurring job, one per milestone of a recurring job. */
export function scopesOfJob(
  connectionId: string,
  job: { externalId: string; recurring: boolean },
  milestones: readonly { externalId: string; status: MilestoneStatus }[],
): Scope[] {
  const byQualifiedId = new Map(milestones.map((m) => [qualify(connectionId, m.externalId), m.externalId]))
  return proPayScopes(
    { id: qualify(connectionId, job.externalId), recurring: job.recurring },
    milestones.map((m) => ({ id: qualify(connectionId, m.externalId), status: m.status })),
  ).map((scope) => ({
    key: scope.key,
    kind: scope.kind,
    jobExternalId: job.externalId,
    milestoneExternalId: scope.kind === 'milestone' ? byQualifiedId.get(scope.milestoneIds[0])! : null,
  }))
}

/** The key of the scope covering a milestone (or the whole job when `milestoneExternalId` is null). */
export function scopeKeyFor(connectionId: string, job: { externalId: string; recurring: boolean }, milestoneExternalId: string | null): string {
  if (job.recurring && milestoneExternalId !== null) {
    return scopeKeyForMilestone({ id: qualify(connectionId, job.externalId), recurring: true }, qualify(connectionId, milestoneExternalId))
  }
  return scopesOfJob(connectionId, { externalId: job.externalId, recurring: false }, [])[0]!.key
}
