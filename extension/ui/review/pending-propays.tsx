import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import type { ReviewQueue } from '../../../shared/api/jobs'
import type { ProPaySummary } from '../../../shared/api/propays'
import { send } from '../../messaging/send'
import { canApprove, type Viewer } from '../panel/features/propay-breakdown'
import { useOrgFormat } from '../format/use-org-format'
import { ApproveConfirmation } from './approve-confirmation'
import { ProPayRowBreakdown } from './propay-row-breakdown'

type Loaded = { state: 'loading' } | { state: 'ready'; queue: ReviewQueue } | { state: 'error'; error: string }

const jobText = (p: ProPaySummary) => [p.job.number, p.job.name, p.milestone?.name, p.milestone?.number].filter(Boolean).join(' ')
const pool = (p: ProPaySummary) => p.figures?.bonusPoolCents ?? 0
const jobLabel = (p: ProPaySummary) => [p.job.number, p.job.name].filter(Boolean).join(' · ') || p.job.externalId

/**
 * ProPays ready to approve across the organisation, with the milestones still waiting for one. Filter by job and to
 * one's own; open a breakdown; approve one or several after a confirmation that shows the total.
 */
export function PendingProPays({ viewer }: { viewer: Viewer }) {
  const f = useOrgFormat()
  const loaded = useSignal<Loaded>({ state: 'loading' })
  const jobFilter = useSignal('')
  const onlyMine = useSignal(false)
  const selected = useSignal<ReadonlySet<string>>(new Set())
  const open = useSignal<string | null>(null)
  const confirming = useSignal<string[] | null>(null)
  const busy = useSignal(false)
  const outcome = useSignal<{ approved: number; errors: string[] } | null>(null)

  const load = () =>
    send('review:queue', {}).then(
      (queue) => (loaded.value = { state: 'ready', queue }),
      (err: Error) => (loaded.value = { state: 'error', error: err.message }),
    )
  useEffect(() => void load(), [])

  const state = loaded.value
  if (state.state === 'loading') return <p class="muted">Loading what waits for review…</p>
  if (state.state === 'error') return <p class="error">{state.error}</p>

  const needle = jobFilter.value.trim().toLowerCase()
  const shown = state.queue.readyToApprove.filter((p) => (!needle || jobText(p).toLowerCase().includes(needle)) && (!onlyMine.value || p.managerUserId === viewer.id))
  const mine = (p: ProPaySummary) => canApprove(viewer, p)
  const toConfirm = confirming.value ? state.queue.readyToApprove.filter((p) => confirming.value!.includes(p.id)) : []

  const approveAll = async (ids: string[]) => {
    busy.value = true
    const errors: string[] = []
    let approved = 0
    // One at a time: each approval posts line items; a refusal of one must not stop the others.
    for (const id of ids) {
      try {
        await send('propay:approve', { id })
        approved++
      } catch (err) {
        errors.push(err instanceof Error ? err.message : String(err))
      }
    }
    busy.value = false
    confirming.value = null
    selected.value = new Set()
    outcome.value = { approved, errors }
    await load()
  }

  const toggle = (id: string) => {
    const next = new Set(selected.value)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    selected.value = next
  }

  return (
    <div data-testid="review-pending">
      <p data-testid="review-counts">
        {state.queue.readyToApprove.length} ProPays ready to approve · {state.queue.milestones.length} milestones pending review
      </p>
      <div class="filters">
        <label>
          Job
          <input type="search" placeholder="Name or number" value={jobFilter.value} onInput={(e) => (jobFilter.value = (e.target as HTMLInputElement).value)} data-testid="filter-job" />
        </label>
        <label class="check">
          <input type="checkbox" checked={onlyMine.value} onChange={(e) => (onlyMine.value = (e.target as HTMLInputElement).checked)} style="width:auto" data-testid="filter-mine" /> Only ProPays I manage
        </label>
      </div>
      {outcome.value && (
        <p role="status" data-testid="review-outcome" class={outcome.value.errors.length ? 'error' : ''}>
          {outcome.value.approved} approved.{outcome.value.errors.length ? ` Not approved: ${outcome.value.errors.join(' ')}` : ''}
        </p>
      )}
      {confirming.value && (
        <ApproveConfirmation
          count={toConfirm.length}
          totalCents={toConfirm.reduce((n, p) => n + pool(p), 0)}
          busy={busy.value}
          onConfirm={() => void approveAll(confirming.value!)}
          onCancel={() => (confirming.value = null)}
        />
      )}
      <div class="bar">
        <button type="button" disabled={!selected.value.size || busy.value} data-testid="approve-selected" onClick={() => (confirming.value = [...selected.value])}>
          Approve selected ({selected.value.size})
        </button>
      </div>
      {shown.length === 0 ? (
        <p class="muted" data-testid="review-empty">Nothing ready to approve{needle || onlyMine.value ? ' matches these filters' : ''}.</p>
      ) : (
        <table class="review" data-testid="review-table">
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">Select</span></th>
              <th scope="col">Job</th>
              <th scope="col">Milestone</th>
              <th scope="col" class="money">Bonus pool</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <>
                <tr key={p.id} data-propay-id={p.id}>
                  <td>
                    <input type="checkbox" style="width:auto" aria-label={`Select ${p.job.name ?? p.job.externalId}`} disabled={!mine(p)} checked={selected.value.has(p.id)} onChange={() => toggle(p.id)} />
                  </td>
                  <td>{jobLabel(p)}</td>
                  <td>{p.milestone?.name ?? (p.kind === 'job' ? 'Whole job' : '—')}</td>
                  <td class="money" data-cents={pool(p)}>{f.money(pool(p))}</td>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      aria-expanded={open.value === p.id}
                      aria-controls={`breakdown-${p.id}`}
                      onClick={() => (open.value = open.value === p.id ? null : p.id)}
                    >
                      Breakdown
                    </button>
                    <button type="button" disabled={!mine(p) || busy.value} title={mine(p) ? undefined : 'Only an admin or the ProPay’s manager approves it.'} onClick={() => (confirming.value = [p.id])}>
                      Approve…
                    </button>
                  </td>
                </tr>
                {open.value === p.id && (
                  <tr key={`${p.id}-breakdown`}>
                    <td colSpan={5}>
                      <ProPayRowBreakdown id={p.id} domId={`breakdown-${p.id}`} label={jobLabel(p)} onClose={() => (open.value = null)} />
                    </td>
                  </tr>
                )}
              </>
            ))}
          </tbody>
        </table>
      )}
      {state.queue.milestones.length > 0 && (
        <>
          <h2>Milestones pending review</h2>
          <ul data-testid="review-milestones">
            {state.queue.milestones.map((m) => (
              <li key={m.milestone.id}>
                {[m.job.number, m.job.name].filter(Boolean).join(' · ')} — {m.milestone.name ?? m.milestone.externalId}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
