/**
 * The review screen's filter options (#15): each branch, job and manager in the queue once, with a name a manager
 * recognises, sorted by it. Keys are `shared/api/review-filters`'s, so the extension filters with the same ones.
 * @module
 */
import type { ReviewQueue } from '../../shared/api/jobs'
import type { ProPaySummary } from '../../shared/api/propays'
import { branchKey, type FilterOption, jobKey, managerKey, type ReviewFilterOptions } from '../../shared/api/review-filters'

type QueueMilestone = ReviewQueue['milestones'][number]

interface Entry {
  connectionId: string
  jobExternalId: string
  jobLabel: string
  branch: ProPaySummary['branch']
  manager: ProPaySummary['manager']
}

const label = (number: string | null | undefined, name: string | null | undefined, externalId: string) => [number, name].filter(Boolean).join(' · ') || `Job ${externalId}`

function options(pairs: [string | null, string][]): FilterOption[] {
  const byValue = new Map<string, string>()
  for (const [value, text] of pairs) if (value !== null && !byValue.has(value)) byValue.set(value, text)
  return [...byValue].map(([value, text]) => ({ value, label: text })).sort((a, b) => a.label.localeCompare(b.label) || a.value.localeCompare(b.value))
}

export function reviewFilterOptions(milestones: readonly QueueMilestone[], ready: readonly ProPaySummary[]): ReviewFilterOptions {
  const entries: Entry[] = [
    ...milestones.map(({ milestone, job }) => ({
      connectionId: milestone.connectionId,
      jobExternalId: job.externalId,
      jobLabel: label(job.number, job.name, job.externalId),
      branch: job.branch,
      manager: job.manager,
    })),
    ...ready.map((p) => ({ connectionId: p.connectionId, jobExternalId: p.job.externalId, jobLabel: label(p.job.number, p.job.name, p.job.externalId), branch: p.branch, manager: p.manager })),
  ]
  return {
    branches: options(entries.map((e) => [branchKey(e), e.branch?.name ?? `Branch ${e.branch?.externalId}`])),
    jobs: options(entries.map((e) => [jobKey(e), e.jobLabel])),
    managers: options(entries.map((e) => [managerKey(e), e.manager?.name ?? `Manager ${e.manager?.workerId ?? e.manager?.userId}`])),
  }
}
