import { useEffect, useRef } from 'preact/hooks'
import { formatCents } from '../propay-format'

/**
 * "Approve 3 ProPays, $1,234.56 in bonuses?" before anything is approved: approving posts line items to workers'
 * statements. Focus goes to the confirm button; Escape cancels.
 */
export function ApproveConfirmation({ count, totalCents, busy, onConfirm, onCancel }: { count: number; totalCents: number; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const confirm = useRef<HTMLButtonElement>(null)
  useEffect(() => confirm.current?.focus(), [])
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      data-testid="approve-confirmation"
      onKeyDown={(event) => event.key === 'Escape' && !busy && onCancel()}
    >
      <p id="confirm-title">
        <strong>
          Approve {count} {count === 1 ? 'ProPay' : 'ProPays'}, {formatCents(totalCents)} in bonuses?
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
