/**
 * What a ProPay badge shows, worked out from what the background answered: its state, and for ProPays the headline
 * (status, hours, pool). Plain data, so the badge itself can be a few DOM calls (propay-badge.ts).
 * @module
 */
import type { JobView } from '../../../shared/api/jobs'
import type { ProPaySummary } from '../../../shared/api/propays'
import { propayStatusLabel } from '../propay-format'

/** What one badge knows: still loading, failed, nothing to show, or the ProPays it covers. */
export type BadgeSubject =
  | { state: 'loading' }
  | { state: 'error'; error: string }
  | { state: 'none' }
  /** Protiv holds no record with this id (newer than the last sync, or another account's): not the same as no ProPay. */
  | { state: 'unknown' }
  | { state: 'ready'; propays: ProPaySummary[]; job: JobView | null }

/** Canceled and deleted ProPays are history: a badge shows the ones that count. */
const live = (propays: ProPaySummary[]) => propays.filter((p) => p.status !== 'canceled' && p.status !== 'deleted')

/** The subject for a job screen: its live ProPays, or `none`. */
export function jobSubject(job: JobView | null): BadgeSubject {
  const propays = job ? live(job.propays) : []
  return job && propays.length ? { state: 'ready', propays, job } : { state: 'none' }
}

/** The subject for a work ticket: the ProPay covering it, or `none`. */
export function ticketSubject(propay: ProPaySummary | null | undefined): BadgeSubject {
  return propay && live([propay]).length ? { state: 'ready', propays: [propay], job: null } : { state: 'none' }
}

export interface BadgeHeadline {
  /** The badge's colour: `ready` for an active ProPay that can be approved now, else the status. */
  status: string
  label: string
  actualSeconds: number | null
  budgetSeconds: number | null
  poolCents: number | null
}

/** One ProPay reads as itself; several (a recurring job) as a count, with the job's totals when it has them. */
export function badgeHeadline(propays: ProPaySummary[], job: JobView | null): BadgeHeadline {
  if (propays.length === 1) {
    const [p] = propays as [ProPaySummary]
    return {
      status: p.status === 'active' && p.approvable ? 'ready' : p.status,
      label: `ProPay · ${propayStatusLabel(p)}`,
      actualSeconds: p.figures?.actualSeconds ?? null,
      budgetSeconds: p.figures?.budgetSeconds ?? null,
      poolCents: p.figures?.bonusPoolCents ?? null,
    }
  }
  const ready = propays.filter((p) => p.status === 'active' && p.approvable).length
  const active = propays.filter((p) => p.status === 'active').length
  const sum = (pick: (p: ProPaySummary) => number | null | undefined) => propays.reduce((total, p) => total + (pick(p) ?? 0), 0)
  return {
    status: ready ? 'ready' : active ? 'active' : 'approved',
    label: `${propays.length} ProPays${ready ? ` · ${ready} ready to approve` : active ? ` · ${active} active` : ''}`,
    actualSeconds: job?.actualSeconds ?? sum((p) => p.figures?.actualSeconds),
    budgetSeconds: job?.budgetSeconds ?? sum((p) => p.figures?.budgetSeconds),
    poolCents: job?.bonusPoolCents ?? sum((p) => p.figures?.bonusPoolCents),
  }
}
