import { useRef } from 'preact/hooks'
import { send } from '../../messaging/send'
import { useFocusTrap } from '../a11y/use-focus-trap'
import { useLoaded } from '../use-loaded'
import { BreakdownFigures } from '../panel/features/propay-breakdown'

/**
 * The full breakdown of one ProPay, read when the manager opens it. Keyboard: focus moves to its Close button,
 * stays inside while open, Escape from anywhere inside closes it, and focus returns to the row's Breakdown button.
 */
export function ProPayRowBreakdown({ id, domId, label, onClose }: { id: string; domId?: string; label: string; onClose: () => void }) {
  // Mounted per opened row (keyed by the row), so `id` does not change while it is open.
  const { loaded: detail } = useLoaded(() => send('propay:get', { id }))
  const dialog = useRef<HTMLDivElement>(null)
  const close = useRef<HTMLButtonElement>(null)
  const trap = useFocusTrap(dialog, { onEscape: onClose, initial: close })
  const d = detail.value
  return (
    <div ref={dialog} id={domId} class="propay-breakdown" role="dialog" aria-label={`Breakdown of ${label}`} data-testid="review-breakdown" onKeyDown={trap.onKeyDown}>
      <button type="button" ref={close} class="secondary" data-testid="review-breakdown-close" onClick={onClose}>
        Close breakdown
      </button>
      {d.state === 'loading' && <p class="muted">Loading the breakdown…</p>}
      {d.state === 'error' && <p class="error">{d.error}</p>}
      {d.state === 'ready' && <BreakdownFigures detail={d.value} />}
    </div>
  )
}
