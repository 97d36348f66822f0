import { useSignal } from '@preact/signals'
import type { ProPaySummary } from '../../../shared/api/propays'
import type { FilterOption } from '../../../shared/api/review-filters'
import { send } from '../../messaging/send'
import { canApprove, type Viewer } from '../panel/features/propay-breakdown'
import { useOrgFormat } from '../format/use-org-format'
import { ApproveConfirmation } from './approve-confirmation'
import { useLoaded } from '../use-loaded'
import { ProPayRowBreakdown } from './propay-row-breakdown'
import { isFiltering, milestoneMatches, NO_FILTER, proPayMatches, type ReviewFilter } from './review-filter'
const pool = (p: ProPaySummary) => p.figures?.bonusPoolCents ?? 0
const jobLabel = (p: ProPaySummary) => [p.job.number, p.job.name].filter(Boolean).join(' · ') || p.job.externalId

/** One filter: "All …" and the queue's options. */
function Choice({ label, any, testId, options, value, onChange }: { label: string; any: string; testId: string; options: FilterOption[]; value: string; onChange: (v: string) => void }) {
  return (
    <label>
      {label}
      <select value={value} data-testid={testId} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * ProPays ready to approve across the organisation, with the milestones still waiting for one. Filter by branch,
 * job and manager, search, or show only one's own; open a breakdown; approve one or several after a confirmation
 * that shows the total.
 */
export function PendingProPays({ viewer }: { viewer: Viewer }) {
  const f = useOrgFormat()
  const { loaded, reload: load } = useLoaded(() => send('review:queue', {}))
  const filter = useSignal<ReviewFilter>(NO_FILTER)
  const set = (change: Partial<ReviewFilter>) => (filter.value = { ...filter.value, ...change })
  const selected = useSignal<ReadonlySet<string>>(new Set())
  const open = useSignal<string | null>(null)
  const confirming = useSignal<string[] | null>(null)
  const busy = useSignal(false)
  const outcome = useSignal<{ approved: number; errors: string[] } | null>(null)

  const state = loaded.value
  if (state.state === 'loading') return <p class="muted">Loading what waits for review…</p>
  if (state.state === 'error') return <p class="error">{state.error}</p>
  const queue = state.value

  const f0 = filter.value
  const shown = queue.readyToApprove.filter((p) => proPayMatches(p, f0, viewer.id))
  const shownMilestones = queue.milestones.filter((m) => milestoneMatches(m, f0, viewer.id))
  const mine = (p: ProPaySummary) => canApprove(viewer, p)
  const toConfirm = confirming.value ? queue.readyToApprove.filter((p) => confirming.value!.includes(p.id)) : []

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
        {queue.readyToApprove.length} ProPays ready to approve · {queue.milestones.length} milestones pending review
      </p>
      <div class="filters" role="group" aria-label="Filter">
        <Choice label="Branch" any="All branches" testId="filter-branch" options={queue.filters.branches} value={f0.branch} onChange={(branch) => set({ branch })} />
        <Choice label="Job" any="All jobs" testId="filter-job-id" options={queue.filters.jobs} value={f0.job} onChange={(job) => set({ job })} />
        <Choice label="Manager" any="All managers" testId="filter-manager" options={queue.filters.managers} value={f0.manager} onChange={(manager) => set({ manager })} />
        <label>
          Search
          <input type="search" placeholder="Job or milestone name or number" value={f0.text} onInput={(e) => set({ text: (e.target as HTMLInputElement).value })} data-testid="filter-job" />
        </label>
        <label class="check">
          <input type="checkbox" checked={f0.onlyMine} onChange={(e) => set({ onlyMine: (e.target as HTMLInputElement).checked })} style="width:auto" data-testid="filter-mine" /> Only ProPays I manage
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
        <p class="muted" data-testid="review-empty">Nothing ready to approve{isFiltering(f0) ? ' matches these filters' : ''}.</p>
      ) : (
        <table class="review" data-testid="review-table">
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">Select</span></th>
              <th scope="col">Job</th>
              <th scope="col">Milestone</th>
              <th scope="col">Branch</th>
              <th scope="col">Manager</th>
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
                  <td>{p.branch ? (p.branch.name ?? p.branch.externalId) : '—'}</td>
                  <td>{p.manager?.name ?? '—'}</td>
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
                    <td colSpan={7}>
                      <ProPayRowBreakdown id={p.id} domId={`breakdown-${p.id}`} label={jobLabel(p)} onClose={() => (open.value = null)} />
                    </td>
                  </tr>
                )}
              </>
            ))}
          </tbody>
        </table>
      )}
      {shownMilestones.length > 0 && (
        <>
          <h2>Milestones pending review</h2>
          <ul data-testid="review-milestones">
            {shownMilestones.map((m) => (
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
