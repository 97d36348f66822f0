/**
 * Reconnect Aspire (admins), when Aspire stopped accepting the stored credentials: same connection, same
 * data, new Client ID and Secret checked live before they replace the old ones.
 * @module
 */
import { useSignal } from '@preact/signals'
import type { ConnectionView } from '../../../shared/api/connections'
import { send } from '../../messaging/send'
import { FormError } from '../../ui/form-error'
import { useSubmit } from '../../ui/use-submit'
import { AspireCredentialFields } from './aspire-credential-fields'

export function AspireReconnect({ connectionId, onReconnected }: { connectionId: string; onReconnected: (connection: ConnectionView) => void }) {
  const clientId = useSignal('')
  const secret = useSignal('')
  const { busy, error, onSubmit } = useSubmit(async () => {
    onReconnected(await send('connections:update', { id: connectionId, patch: { credentials: { clientId: clientId.value, secret: secret.value } } }))
  })

  return (
    <form class="connect" data-testid="aspire-reconnect" onSubmit={onSubmit}>
      <AspireCredentialFields clientId={clientId} secret={secret} />
      <button type="submit" disabled={busy.value}>
        {busy.value ? 'Checking with Aspire…' : 'Reconnect'}
      </button>
      <FormError error={error.value} />
    </form>
  )
}

// Test URLs: https://cloud.youraspire.com/app/admin/api, https://cloud.youraspire.com/app/work-tickets
