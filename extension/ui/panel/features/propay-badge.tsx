import type { ReadonlySignal } from '@preact/signals'
import type { JobView } from '../../../../shared/api/jobs'
import type { ProPaySummary } from '../../../../shared/api/propays'
import { useOrgFormat } from '../../format/use-org-format'
import { propayStatusLabel } from '../../propay-format'

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

function headline(propays: ProPaySummary[], job: JobView | null) {
  if (propays.length === 1) {
    const [p] = propays as [ProPaySummary]
    return {
      status: p.status === 'active' && p.approvable ? 'ready' : p.status,
      label: propayStatusLabel(p),
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

/**
 * The inline ProPay badge: status, actual against budgeted hours and the bonus pool so far. Clicking it calls `onOpen`,
 * which shows the breakdown (wages, shares) in an extension frame, never in the page (#15). `quietNone` shows a muted "No ProPay" (detail screens); without it a ProPay-less row shows nothing.
 */
export function ProPayBadge({
  subject,
  onOpen,
  quietNone = false,
}: {
  subject: ReadonlySignal<BadgeSubject>
  /** `opener` is the badge's button, for focus to return to when the breakdown closes. */
  onOpen: (propays: ProPaySummary[], opener: HTMLElement) => void
  quietNone?: boolean
}) {
  // Badges sit in the vendor's page outside any root of ours: they ask for the organisation's formatting themselves.
  const f = useOrgFormat({ ask: true })
  const s = subject.value
  if (s.state === 'loading') return <span class="propay-badge propay-badge--loading" data-testid="propay-badge" data-status="loading" aria-busy="true" />
  if (s.state === 'error') {
    return (
      <span class="propay-badge propay-badge--error" data-testid="propay-badge" data-status="error" title={s.error}>
        ProPay unavailable
      </span>
    )
  }
  if (s.state === 'unknown') {
    return quietNone ? (
      <span
        class="propay-badge propay-badge--none"
        data-testid="propay-badge"
        data-status="unknown"
        title="Protiv has no record with this id yet: it may be newer than the last sync, or belong to an account that is not connected."
      >
        Not synced yet
      </span>
    ) : null
  }
  if (s.state === 'none') {
    return quietNone ? (
      <span class="propay-badge propay-badge--none" data-testid="propay-badge" data-status="none">
        No ProPay
      </span>
    ) : null
  }
  const propays = s.propays
  const h = headline(propays, s.job)
  return (
    <span class="propay-badge-wrap">
      <button
        type="button"
        class={`propay-badge propay-badge--${h.status}`}
        data-testid="propay-badge"
        data-status={h.status}
        data-propay-id={propays.length === 1 ? propays[0]!.id : ''}
        aria-haspopup="dialog"
        title="Open the ProPay breakdown"
        onClick={(event) => onOpen(propays, event.currentTarget)}
      >
        <span class="propay-badge__label" data-testid="propay-badge-status">
          {propays.length === 1 ? `ProPay · ${h.label}` : h.label}
        </span>
        <span class="propay-badge__hours" data-testid="propay-badge-hours">{`${f.hours(h.actualSeconds)} / ${f.hours(h.budgetSeconds)}`}</span>
        <span class="propay-badge__pool" data-testid="propay-badge-pool" data-cents={h.poolCents ?? ''}>{`Pool ${f.money(h.poolCents)}`}</span>
      </button>
    </span>
  )
}

// Test URLs: https://cloud.youraspire.com/app/opportunities/details/<id>, https://cloud.youraspire.com/app/work-tickets/details/<id>,
// https://cloud.youraspire.com/app/work-tickets
