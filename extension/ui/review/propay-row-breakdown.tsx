import { useSignal } from '@preact/signals'
import { useEffect, useRef } from 'preact/hooks'
import type { ProPayDetail } from '../../../shared/api/propays'
import { send } from '../../messaging/send'
import { useFocusTrap } from '../a11y/use-focus-trap'
import { BreakdownFigures } from '../panel/features/propay-breakdown'

/**
 * The full breakdown of one ProPay, read when the manager opens it. Keyboard: focus moves to its Close button,
 * stays inside while open, Escape from anywhere inside closes it, and focus returns to the row's Breakdown button.
 */
export function ProPayRowBreakdown({ id, domId, label, onClose }: { id: string; domId?: string; label: string; onClose: () => void }) {
  const detail = useSignal<{ state: 'loading' } | { state: 'ready'; detail: ProPayDetail } | { state: 'error'; error: string }>({ state: 'loading' })
  const dialog = useRef<HTMLDivElement>(null)
  const close = useRef<HTMLButtonElement>(null)
  const trap = useFocusTrap(dialog, { onEscape: onClose, initial: close })
  useEffect(() => {
    send('propay:get', { id }).then(
      (d) => (detail.value = { state: 'ready', detail: d }),
      (err: Error) => (detail.value = { state: 'error', error: err.message }),
    )
  }, [id])
  const d = detail.value
  return (
    <div ref={dialog} id={domId} class="propay-breakdown" role="dialog" aria-label={`Breakdown of ${label}`} data-testid="review-breakdown" onKeyDown={trap.onKeyDown}>
      <button type="button" ref={close} class="secondary" data-testid="review-breakdown-close" onClick={onClose}>
        Close breakdown
      </button>
      {d.state === 'loading' && <p class="muted">Loading the breakdown…</p>}
      {d.state === 'error' && <p class="error">{d.error}</p>}
      {d.state === 'ready' && <BreakdownFigures detail={d.detail} />}
    </div>
  )
}
