/**
 * Force sync: runs the connection now. The server allows one forced sync a minute per connection; while
 * that cooldown lasts the button is disabled with a live countdown, whether we learnt it from the
 * connection (`forceSyncAvailableAt`) or from a 429's Retry-After.
 * @module
 */
import { useSignal } from '@preact/signals'
import type { ConnectionView } from '../../../../shared/api/connections'
import { send } from '../../../messaging/send'

/** Whole seconds until a force sync is allowed again; 0 when it is allowed now. */
export function cooldownSeconds(c: Pick<ConnectionView, 'forceSyncAvailableAt'>, refusedUntil: number, now: number): number {
  const availableAt = Math.max(refusedUntil, c.forceSyncAvailableAt ? Date.parse(c.forceSyncAvailableAt) : 0)
  return Math.max(0, Math.ceil((availableAt - now) / 1000))
}

export function ForceSyncButton({ connection, now, onAccepted }: { connection: ConnectionView; now: number; onAccepted: (next: ConnectionView) => void }) {
  const busy = useSignal(false)
  const refusedUntil = useSignal(0)
  const notice = useSignal<{ text: string; error: boolean } | null>(null)
  // `now` ticks once a second and may lag by up to a second right after an answer arrives.
  const wait = cooldownSeconds(connection, refusedUntil.value, Math.max(now, Date.now()))
  const blocked = connection.paused || connection.status === 'relink_needed'

  const force = async () => {
    busy.value = true
    notice.value = null
    try {
      const outcome = await send('connections:forceSync', { id: connection.id })
      if (outcome.kind === 'cooldown') {
        refusedUntil.value = Date.now() + outcome.retryAfterSeconds * 1000
      } else {
        notice.value = { text: outcome.message, error: false }
        onAccepted(outcome.connection)
      }
    } catch (err) {
      notice.value = { text: (err as Error).message, error: true }
    } finally {
      busy.value = false
    }
  }

  return (
    <div class="force-sync">
      <button type="button" data-testid="force-sync" disabled={busy.value || wait > 0 || blocked} onClick={force}>
        {busy.value ? 'Starting…' : 'Force sync'}
      </button>
      {wait > 0 && (
        <span class="muted" data-testid="force-sync-countdown" data-seconds={wait} role="timer">
          Available again in {wait} s
        </span>
      )}
      {notice.value && (
        <p class={notice.value.error ? 'error' : 'notice'} data-testid="force-sync-notice" role={notice.value.error ? 'alert' : 'status'}>
          {notice.value.text}
        </p>
      )}
    </div>
  )
}

// Test URLs: https://cloud.youraspire.com/app/work-tickets, https://cloud.youraspire.com/app/opportunities/details/<id>
