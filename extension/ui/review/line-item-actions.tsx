import { useSignal } from '@preact/signals'
import type { LineItemView } from '../../../shared/api/statements'
import { send } from '../../messaging/send'
import type { OrgFormat } from '../format/org-format'

const HOLD_REASONS: Record<NonNullable<LineItemView['holdReason']>, string> = {
  waiting_period: 'waiting period',
  retention: 'retention',
  manual: 'held by a manager',
}

export const lineItemStatusText = (item: LineItemView, f: OrgFormat) =>
  item.status === 'held'
    ? `Held (${HOLD_REASONS[item.holdReason ?? 'manual']}${item.heldUntil ? ` until ${f.date(item.heldUntil)}` : ', until released'})`
    : { in_process: 'In process', paid: item.paidOn ? `Paid ${f.date(item.paidOn)}` : 'Paid', voided: 'Voided' }[item.status]

/**
 * What a manager may do to one bonus line item (docs/domain/propay.md §13): hold it (until a date, or until
 * released), release it, extend its hold, or void it. The API's line-item rules decide; its refusal is shown.
 */
export function LineItemActions({ item, onChanged }: { item: LineItemView; onChanged: (next: LineItemView) => void }) {
  const until = useSignal('')
  const error = useSignal<string | null>(null)
  const busy = useSignal(false)
  if (item.status === 'paid' || item.status === 'voided') return null

  const act = async (action: 'hold' | 'release' | 'extend_hold' | 'void') => {
    busy.value = true
    error.value = null
    try {
      onChanged(await send('lineItems:act', { id: item.id, action, ...(until.value ? { until: until.value } : {}) }))
      until.value = ''
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err)
    } finally {
      busy.value = false
    }
  }

  return (
    <div class="line-actions">
      <label>
        <span class="visually-hidden">Hold until</span>
        <input type="date" value={until.value} aria-label="Hold until" style="width:auto" onInput={(e) => (until.value = (e.target as HTMLInputElement).value)} />
      </label>
      {item.status === 'in_process' && (
        <button type="button" class="secondary" disabled={busy.value} onClick={() => void act('hold')}>
          Hold
        </button>
      )}
      {item.status === 'held' && (
        <>
          <button type="button" class="secondary" disabled={busy.value} onClick={() => void act('release')}>
            Release
          </button>
          <button type="button" class="secondary" disabled={busy.value || !until.value} onClick={() => void act('extend_hold')}>
            Extend hold
          </button>
        </>
      )}
      <button type="button" class="secondary" disabled={busy.value} onClick={() => void act('void')}>
        Void
      </button>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
    </div>
  )
}
