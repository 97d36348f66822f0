import { useSignal } from '@preact/signals'
import { send } from '../../messaging/send'

/** "12.50" → 1250; anything that is not dollars with at most two decimals → null. */
export function parseDollars(text: string): number | null {
  const m = text.trim().replace(/^\$/, '').replace(/,/g, '').match(/^(\d+)(?:\.(\d{1,2}))?$/)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** An extra bonus or a deduction with its purpose, on an open statement (the API checks the rest of the rules). */
export function StatementAdjustmentForm({ statementId, onAdded }: { statementId: string; onAdded: () => void }) {
  const kind = useSignal<'bonus' | 'deduction'>('bonus')
  const amount = useSignal('')
  const purpose = useSignal('')
  const error = useSignal<string | null>(null)
  const busy = useSignal(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    const cents = parseDollars(amount.value)
    if (!cents) return void (error.value = 'Enter an amount in dollars, like 25 or 12.50.')
    if (!purpose.value.trim()) return void (error.value = 'Say what the adjustment is for.')
    busy.value = true
    error.value = null
    try {
      await send('statements:adjust', { id: statementId, kind: kind.value, amountCents: cents, purpose: purpose.value.trim() })
      amount.value = ''
      purpose.value = ''
      onAdded()
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err)
    } finally {
      busy.value = false
    }
  }

  return (
    <form class="adjust" onSubmit={(e) => void submit(e)} aria-label="Add an adjustment">
      <label>
        Kind
        <select value={kind.value} onChange={(e) => (kind.value = (e.target as HTMLSelectElement).value as 'bonus' | 'deduction')}>
          <option value="bonus">Extra bonus</option>
          <option value="deduction">Deduction</option>
        </select>
      </label>
      <label>
        Amount ($)
        <input inputMode="decimal" value={amount.value} onInput={(e) => (amount.value = (e.target as HTMLInputElement).value)} />
      </label>
      <label>
        Purpose
        <input value={purpose.value} maxLength={500} onInput={(e) => (purpose.value = (e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="secondary" disabled={busy.value}>
        Add
      </button>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
    </form>
  )
}
