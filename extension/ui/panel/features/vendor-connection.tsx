/**
 * A vendor's section of the panel, for any vendor: the organisation's connections to it with their live
 * sync status (progress, data types with their notices, force sync, errors), or, when there is none, the
 * vendor's connect form for admins and a pointer to an admin for everyone else. The vendor-specific parts
 * (name, form, hint) come from the vendor's registry entry.
 * @module
 */
import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import type { ConnectionView, Vendor } from '../../../../shared/api/connections'
import type { SignedInState } from '../../../messaging/protocol'
import { send } from '../../../messaging/send'
import { vendorUi } from '../../../vendors/registry'
import type { Loadable } from '../../use-message'
import type { PageContext } from '../page-context'
import { SyncStatus } from './sync-status'

/** The API lets admins and managers see connections; only admins connect. */
const canSeeConnections = (role: string) => role === 'admin' || role === 'manager'

export function VendorConnection({ auth, vendor, page = null }: { auth: SignedInState; vendor: Vendor; page?: PageContext | null }) {
  const { name: vendorName, ConnectForm, statusHint } = vendorUi(vendor)
  const connections = useSignal<Loadable<ConnectionView[]>>({ state: 'loading' })
  const connectedNow = useSignal(false)
  const isAdmin = auth.user.role === 'admin'

  const load = () => {
    connections.value = { state: 'loading' }
    send('connections:list', {}).then(
      (answer) => (connections.value = { state: 'ready', value: answer.connections.filter((c) => c.vendor === vendor) }),
      (err: Error) => (connections.value = { state: 'error', error: err.message }),
    )
  }
  useEffect(() => {
    if (canSeeConnections(auth.user.role)) load()
  }, [auth.user.id])

  if (!canSeeConnections(auth.user.role)) {
    return (
      <p class="muted" data-testid="connection-hidden">
        {vendorName} sync status is shown to admins and managers.
      </p>
    )
  }
  const list = connections.value
  if (list.state === 'loading') return <p class="muted">Loading {vendorName} connection…</p>
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
        <p class="muted" data-testid="not-connected">
          {vendorName} is not connected to Protiv yet. An admin of {auth.organization.name} can connect it from this panel.
        </p>
      )
    }
    return (
      <ConnectForm
        page={page}
        onConnected={(created) => {
          connectedNow.value = true
          connections.value = { state: 'ready', value: [created] }
        }}
      />
    )
  }
  return (
    <>
      {connectedNow.value && (
        <p class="notice" role="status" data-testid="connect-success">
          {vendorName} is connected. The first sync started right away; its progress shows below.
        </p>
      )}
      {list.value.map((c) => (
        <SyncStatus key={c.id} initial={c} canReconnect={isAdmin} page={page} />
      ))}
      {statusHint && (
        <p class="hint" data-testid="status-hint">
          {statusHint}
        </p>
      )}
    </>
  )
}

// Test URLs: https://cloud.youraspire.com/app/work-tickets, https://buildertrend.net/app/Landing, https://acme.exaktime.com/app/timecards (any company's subdomain)
