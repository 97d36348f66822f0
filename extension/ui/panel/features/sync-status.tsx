/**
 * Sync status: a connection's state, kept live while the panel is open (every 2 s during a run, 20 s
 * otherwise, paused in hidden tabs), with Force sync and, for admins when the vendor refused the stored
 * credentials and its registry entry can replace them, Reconnect.
 * @module
 */
import { useSignal } from '@preact/signals'
import { useId, useRef } from 'preact/hooks'
import type { ConnectionView } from '../../../../shared/api/connections'
import { vendorUi } from '../../../vendors/registry'
import type { PageContext } from '../page-context'
import { useLiveConnection } from '../../use-live-connection'
import { useNow } from '../../use-now'
import { SyncStatusView } from '../sync-status-view'
import { ForceSyncButton } from './force-sync'
import { PauseResumeButton } from './pause-resume'

export function SyncStatus({ initial, canReconnect, page = null }: { initial: ConnectionView; canReconnect: boolean; page?: PageContext | null }) {
  const live = useLiveConnection(initial)
  const now = useNow()
  const reconnecting = useSignal(false)
  const reconnectId = useId()
  const c = live.connection.value
  const ui = vendorUi(c.vendor)
  const { AutoReconnect } = ui
  // A connection only the vendor's signed-in tab can relink gets no form (the panel's AutoReconnect does it there).
  const Reconnect = ui.relinkInTab?.(c) ? undefined : ui.Reconnect
  // Once shown, an automatic reconnect stays to say what it did after the connection left relink_needed.
  const autoShown = useRef(false)
  if (c.status === 'relink_needed') autoShown.current = true
  const update = (next: ConnectionView) => {
    live.connection.value = next
    live.refresh()
  }
  return (
    <SyncStatusView connection={c} now={now.value} refreshError={live.error.value}>
      <div class="actions">
        <ForceSyncButton connection={c} now={now.value} onAccepted={update} />
        {canReconnect && <PauseResumeButton connection={c} onChanged={update} />}
        {canReconnect && Reconnect && c.status === 'relink_needed' && (
          <button
            type="button"
            class="secondary"
            data-testid="reconnect"
            aria-expanded={reconnecting.value}
            aria-controls={reconnectId}
            onClick={() => (reconnecting.value = !reconnecting.value)}
          >
            Reconnect
          </button>
        )}
      </div>
      {canReconnect && AutoReconnect && autoShown.current && <AutoReconnect connectionId={c.id} page={page} onReconnected={update} />}
      <div id={reconnectId}>
        {Reconnect && reconnecting.value && c.status === 'relink_needed' && (
          <Reconnect
            connectionId={c.id}
            page={page}
            onReconnected={(next) => {
              reconnecting.value = false
              update(next)
            }}
          />
        )}
      </div>
    </SyncStatusView>
  )
}

// Test URLs: https://cloud.youraspire.com/app/work-tickets, https://cloud.youraspire.com/app/opportunities/details/<id>
