/**
 * Reconnect Aspire (admins), when Aspire stopped accepting the stored credentials: same connection, same
 * data, new Client ID and Secret checked live before they replace the old ones.
 * @module
 */
import { useSignal } from '@preact/signals'
import type { ConnectionView } from '../../../shared/api/connections'
import { send } from '../../messaging/send'
import { AspireCredentialFields } from './aspire-credential-fields'

export function AspireReconnect({ connectionId, onReconnected }: { connectionId: string; onReconnected: (connection: ConnectionView) => void }) {
  const clientId = useSignal('')
  const secret = useSignal('')
  const error = useSignal<string | null>(null)
  const busy = useSignal(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    busy.value = true
    error.value = null
    try {
      onReconnected(await send('connections:update', { id: connectionId, patch: { credentials: { clientId: clientId.value, secret: secret.value } } }))
    } catch (err) {
      error.value = (err as Error).message
    } finally {
      busy.value = false
    }
  }

  return (
    <form class="connect" data-testid="aspire-reconnect" onSubmit={submit}>
      <AspireCredentialFields clientId={clientId} secret={secret} />
      <button type="submit" disabled={busy.value}>
        {busy.value ? 'Checking with Aspire…' : 'Reconnect'}
      </button>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
    </form>
  )
}

// Test URLs: https://cloud.youraspire.com/app/admin/api, https://cloud.youraspire.com/app/work-tickets
