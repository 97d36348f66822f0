import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import type { ProPayDetail } from '../../../shared/api/propays'
import { send } from '../../messaging/send'
import { BreakdownFigures } from '../panel/features/propay-breakdown'

/** The full breakdown of one ProPay, read when the manager opens it. */
export function ProPayRowBreakdown({ id }: { id: string }) {
  const detail = useSignal<{ state: 'loading' } | { state: 'ready'; detail: ProPayDetail } | { state: 'error'; error: string }>({ state: 'loading' })
  useEffect(() => {
    send('propay:get', { id }).then(
      (d) => (detail.value = { state: 'ready', detail: d }),
      (err: Error) => (detail.value = { state: 'error', error: err.message }),
    )
  }, [id])
  const d = detail.value
  if (d.state === 'loading') return <p class="muted">Loading the breakdown…</p>
  if (d.state === 'error') return <p class="error">{d.error}</p>
  return (
    <div class="propay-breakdown" data-testid="review-breakdown">
      <BreakdownFigures detail={d.detail} />
    </div>
  )
}
