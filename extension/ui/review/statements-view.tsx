import { useSignal } from '@preact/signals'
import { send } from '../../messaging/send'
import { useOrgFormat } from '../format/use-org-format'
import { useLoaded } from '../use-loaded'
import { LineItemActions, lineItemStatusText } from './line-item-actions'
import { StatementAdjustmentForm } from './statement-adjustment-form'

/** Saves text as a file from this page: the CSV comes through the background, which holds the token. */
function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = Object.assign(document.createElement('a'), { href: url, download: filename })
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Open statements (one worker, one pay period) with their line items and adjustments, for payroll: hold, release,
 * extend or void an item, add an extra bonus or a deduction, and export a pay period's "Bonuses for Payroll" CSV.
 */
export function StatementsView() {
  const f = useOrgFormat()
  const { loaded, reload: load } = useLoaded(async () => (await send('statements:list', { status: 'open' })).statements)
  const period = useSignal('')
  const exportError = useSignal<string | null>(null)

  const exportCsv = async () => {
    exportError.value = null
    try {
      const { csv, filename } = await send('statements:exportCsv', { period: period.value })
      // The BOM the server sent was decoded away; put it back so spreadsheet programs read the text as UTF-8.
      download(filename, csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`)
    } catch (err) {
      exportError.value = err instanceof Error ? err.message : String(err)
    }
  }

  const state = loaded.value
  return (
    <div data-testid="review-statements">
      <div class="adjust">
        <label>
          Pay period (any day in it)
          <input type="date" value={period.value} onInput={(e) => (period.value = (e.target as HTMLInputElement).value)} data-testid="export-period" />
        </label>
        <button type="button" disabled={!period.value} onClick={() => void exportCsv()} data-testid="export-csv">
          Export Bonuses for Payroll (CSV)
        </button>
      </div>
      {exportError.value && <p class="error">{exportError.value}</p>}
      {state.state === 'loading' && <p class="muted">Loading open statements…</p>}
      {state.state === 'error' && <p class="error">{state.error}</p>}
      {state.state === 'ready' && !state.value.length && <p class="muted">No open statements.</p>}
      {state.state === 'ready' &&
        state.value.map((st) => (
          <section class="statement" key={st.id} data-statement-id={st.id} aria-label={`Statement ${st.number}`}>
            <h3>
              {st.number} · {st.worker.name ?? st.worker.id} <span class="muted">{`${f.date(st.periodStart)} – ${f.date(st.periodEnd)}`}</span>
              <span data-testid="statement-total" data-cents={st.totalCents}>
                {f.money(st.totalCents)}
              </span>
            </h3>
            <table class="review">
              <tbody>
                {st.lineItems.map((item) => (
                  <tr key={item.id} data-line-item-id={item.id}>
                    <td>{item.kind === 'overage' ? 'Overage (netted)' : `Bonus · ${item.role.replace('_', ' ')}`}</td>
                    <td class="money">{f.money(item.amountCents)}</td>
                    <td data-testid="line-item-status">{lineItemStatusText(item, f)}</td>
                    <td>
                      <LineItemActions item={item} onChanged={() => void load()} />
                    </td>
                  </tr>
                ))}
                {st.adjustments.map((a) => (
                  <tr key={a.id}>
                    <td>{a.kind === 'bonus' ? 'Extra bonus' : 'Deduction'}: {a.purpose}</td>
                    <td class="money">{f.money(a.kind === 'bonus' ? a.amountCents : -a.amountCents)}</td>
                    <td colSpan={2} />
                  </tr>
                ))}
              </tbody>
            </table>
            <StatementAdjustmentForm statementId={st.id} onAdded={() => void load()} />
          </section>
        ))}
    </div>
  )
}
