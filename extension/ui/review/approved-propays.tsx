import { useSignal } from '@preact/signals'
import { send } from '../../messaging/send'
import { useOrgFormat } from '../format/use-org-format'
import { useLoaded } from '../use-loaded'

/**
 * Approved ProPays, each of which can be taken back while its line items are not paid: the API decides (it refuses
 * once payroll has paid them, with its reason), so the button is offered on every approved ProPay.
 */
export function ApprovedProPays() {
  const f = useOrgFormat()
  const { loaded, reload: load } = useLoaded(async () => (await send('propays:list', { status: 'approved' })).propays)
  const errors = useSignal<Record<string, string>>({})
  const busy = useSignal<string | null>(null)
  const unapprove = async (id: string) => {
    busy.value = id
    try {
      await send('review:unapprove', { id })
      errors.value = { ...errors.value, [id]: '' }
      await load()
    } catch (err) {
      errors.value = { ...errors.value, [id]: err instanceof Error ? err.message : String(err) }
    } finally {
      busy.value = null
    }
  }

  const state = loaded.value
  if (state.state === 'loading') return <p class="muted">Loading approved ProPays…</p>
  if (state.state === 'error') return <p class="error">{state.error}</p>
  const propays = state.value
  if (!propays.length) return <p class="muted" data-testid="approved-empty">No approved ProPays waiting for payroll.</p>
  return (
    <table class="review" data-testid="approved-table">
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Milestone</th>
          <th scope="col">Approved on</th>
          <th scope="col" class="money">Paid out</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {propays.map((p) => (
          <tr key={p.id} data-propay-id={p.id}>
            <td>{[p.job.number, p.job.name].filter(Boolean).join(' · ') || p.job.externalId}</td>
            <td>{p.milestone?.name ?? 'Whole job'}</td>
            <td>{f.date(p.approvalDate)}</td>
            <td class="money">{f.money(p.figures?.paidOutCents ?? null)}</td>
            <td>
              <button type="button" class="secondary" disabled={busy.value === p.id} onClick={() => void unapprove(p.id)}>
                Unapprove
              </button>
              {errors.value[p.id] && (
                <p class="error" role="alert">
                  {errors.value[p.id]}
                </p>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
