import { useSignal } from '@preact/signals'
import type { ConnectionView } from '../../../../shared/api/connections'
import { send } from '../../../messaging/send'

/**
 * Pause or resume a connection's syncing, for admins, from the panel and the popup (#15): a paused connection says
 * "Resume the connection", so the control to do it sits beside it. Resuming syncs at once (the API does).
 */
export function PauseResumeButton({ connection, onChanged }: { connection: ConnectionView; onChanged: (next: ConnectionView) => void }) {
  const busy = useSignal(false)
  const error = useSignal<string | null>(null)
  const toggle = async () => {
    busy.value = true
    error.value = null
    try {
      onChanged(await send('connections:update', { id: connection.id, patch: { paused: !connection.paused } }))
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err)
    } finally {
      busy.value = false
    }
  }
  return (
    <>
      <button type="button" class="secondary" data-testid="pause-resume" disabled={busy.value} onClick={() => void toggle()}>
        {connection.paused ? 'Resume syncing' : 'Pause syncing'}
      </button>
      {error.value && (
        <span class="error" role="alert">
          {error.value}
        </span>
      )}
    </>
  )
}

// Test URLs: https://cloud.youraspire.com/app/work-tickets, https://buildertrend.net/app/TimeClock, https://acme.exaktime.com/app/timecards
