/**
 * The Aspire section of the panel: the organisation's Aspire connections with their sync status, or, when
 * there is none, the connect form for admins and a pointer to an admin for everyone else.
 * @module
 */
import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import type { ConnectionView } from '../../../shared/api/connections'
import type { SignedInState } from '../../messaging/protocol'
import { send } from '../../messaging/send'
import type { Loadable } from '../../ui/use-message'
import { AspireConnect } from './aspire-connect'
import { SyncStatus } from '../../ui/panel/features/sync-status'

/** The API lets admins and managers see connections; only admins connect or reconnect. */
const canSeeConnections = (role: string) => role === 'admin' || role === 'manager'

export function AspireConnection({ auth, onApiPage }: { auth: SignedInState; onApiPage?: boolean }) {
  const connections = useSignal<Loadable<ConnectionView[]>>({ state: 'loading' })
  const connectedNow = useSignal<string | null>(null)
  const isAdmin = auth.user.role === 'admin'

  const load = () => {
    connections.value = { state: 'loading' }
    send('connections:list', {}).then(
      (answer) => (connections.value = { state: 'ready', value: answer.connections.filter((c) => c.vendor === 'aspire') }),
      (err: Error) => (connections.value = { state: 'error', error: err.message }),
    )
  }
  useEffect(() => {
    if (canSeeConnections(auth.user.role)) load()
  }, [auth.user.id])

  if (!canSeeConnections(auth.user.role)) {
    return <p class="muted" data-testid="aspire-connection-hidden">Aspire sync status is shown to admins and managers.</p>
  }
  const list = connections.value
  if (list.state === 'loading') return <p class="muted">Loading Aspire connection…</p>
  if (list.state === 'error') {
    return (
      <div class="error" role="alert" data-testid="connections-error">
        {list.error}{' '}
        <button type="button" class="link" onClick={load}>
          Try again
        </button>
      </div>
    )
  }
  if (list.value.length === 0) {
    if (!isAdmin) {
      return (
        <p class="muted" data-testid="aspire-not-connected">
          Aspire is not connected to Protiv yet. An admin of {auth.organization.name} can connect it from this panel.
        </p>
      )
    }
    return (
      <AspireConnect
        onApiPage={onApiPage}
        onConnected={(created) => {
          connectedNow.value = created.id
          connections.value = { state: 'ready', value: [created] }
        }}
      />
    )
  }
  return (
    <>
      {connectedNow.value && (
        <p class="notice" role="status" data-testid="connect-success">
          Aspire is connected. The first sync started right away; its progress shows below.
        </p>
      )}
      {list.value.map((c) => (
        <SyncStatus key={c.id} initial={c} canReconnect={isAdmin} />
      ))}
    </>
  )
}

// Test URLs: https://cloud.youraspire.com/app/work-tickets/<id>, https://cloud.youraspire.com/app/opportunities/details/<id>,
// https://cloud.youraspire.com/app/admin/api
