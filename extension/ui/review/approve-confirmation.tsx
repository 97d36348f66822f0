import { useRef } from 'preact/hooks'
import { useFocusTrap } from '../a11y/use-focus-trap'
import { useOrgFormat } from '../format/use-org-format'

/**
 * "Approve 3 ProPays, $1,234.56 in bonuses?" before anything is approved: approving posts line items to workers'
 * statements. Focus goes to the confirm button and stays in the dialog; Escape cancels from anywhere inside (not while
 * approving); focus returns to the button that asked.
 */
export function ApproveConfirmation({ count, totalCents, busy, onConfirm, onCancel }: { count: number; totalCents: number; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const f = useOrgFormat()
  const dialog = useRef<HTMLDivElement>(null)
  const confirm = useRef<HTMLButtonElement>(null)
  const trap = useFocusTrap(dialog, { onEscape: onCancel, canClose: !busy, initial: confirm })
  return (
    <div ref={dialog} class="confirm" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" data-testid="approve-confirmation" onKeyDown={trap.onKeyDown}>
      <p id="confirm-title">
        <strong>
          Approve {count} {count === 1 ? 'ProPay' : 'ProPays'}, {f.money(totalCents)} in bonuses?
        </strong>{' '}
        Their line items go onto the workers' statements for the pay period.
      </p>
      <button type="button" ref={confirm} disabled={busy} data-testid="approve-confirm" onClick={onConfirm}>
        {busy ? 'Approving…' : 'Approve'}
      </button>
      <button type="button" class="secondary" disabled={busy} onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}
