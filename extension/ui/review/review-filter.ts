/**
 * The review screen's filters (#15): branch, job and manager (the options come with the queue), a search on the
 * job's name or number, and "only mine". Pure, so the same rules hold for ProPays and for milestones.
 * @module
 */
import type { ReviewQueue } from '../../../shared/api/jobs'
import type { ProPaySummary } from '../../../shared/api/propays'
import { branchKey, jobKey, managerKey } from '../../../shared/api/review-filters'

export interface ReviewFilter {
  /** Option values from the queue's `filters`; '' = any. */
  branch: string
  job: string
  manager: string
  text: string
  onlyMine: boolean
}

export const NO_FILTER: ReviewFilter = { branch: '', job: '', manager: '', text: '', onlyMine: false }

export const isFiltering = (f: ReviewFilter) => f.branch !== '' || f.job !== '' || f.manager !== '' || f.text.trim() !== '' || f.onlyMine

interface Subject {
  connectionId: string
  jobExternalId: string
  branch: ProPaySummary['branch']
  manager: ProPaySummary['manager']
  words: (string | null | undefined)[]
}

function matches(s: Subject, f: ReviewFilter, viewerId: string): boolean {
  const needle = f.text.trim().toLowerCase()
  return (
    (f.branch === '' || branchKey(s) === f.branch) &&
    (f.job === '' || jobKey(s) === f.job) &&
    (f.manager === '' || managerKey(s) === f.manager) &&
    (!f.onlyMine || s.manager?.userId === viewerId) &&
    (needle === '' || s.words.filter(Boolean).join(' ').toLowerCase().includes(needle))
  )
}

export const proPayMatches = (p: ProPaySummary, f: ReviewFilter, viewerId: string) =>
  matches({ connectionId: p.connectionId, jobExternalId: p.job.externalId, branch: p.branch, manager: p.manager ?? (p.managerUserId ? { userId: p.managerUserId, workerId: null, name: null } : null), words: [p.job.number, p.job.name, p.milestone?.name, p.milestone?.number] }, f, viewerId)

export const milestoneMatches = ({ milestone, job }: ReviewQueue['milestones'][number], f: ReviewFilter, viewerId: string) =>
  matches({ connectionId: milestone.connectionId, jobExternalId: job.externalId, branch: job.branch, manager: job.manager, words: [job.number, job.name, milestone.name, milestone.number] }, f, viewerId)
