/**
 * Connect Aspire (admins): Client ID, Secret and the sync start date, checked live with Aspire by the
 * backend before anything is saved. The backend's answer is shown as it is given: 422 when Aspire refuses
 * the credentials, 400 naming a bad field, 503 when Aspire cannot be reached.
 * @module
 */
import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import type { ConnectionView } from '../../../shared/api/connections'
import { send } from '../../messaging/send'
import { aspireApiAddressItem } from '../../storage/items'
import { firstDayOfYear } from '../../ui/first-day-of-year'
import { AspireCredentialFields } from './aspire-credential-fields'

export function AspireConnect({ onConnected, onApiPage }: { onConnected: (connection: ConnectionView) => void; onApiPage?: boolean }) {
  const clientId = useSignal('')
  const secret = useSignal('')
  const syncStartDate = useSignal(firstDayOfYear())
  const apiAddress = useSignal('')
  const error = useSignal<string | null>(null)
  const busy = useSignal(false)

  useEffect(() => {
    void aspireApiAddressItem.getValue().then((stored) => (apiAddress.value ||= stored))
  }, [])

  const submit = async (event: Event) => {
    event.preventDefault()
    busy.value = true
    error.value = null
    const baseUrl = apiAddress.value.trim()
    try {
      // Remembered for the next connect (developers point it at a local Aspire sandbox once).
      await aspireApiAddressItem.setValue(baseUrl)
      const connection = await send('connections:create', {
        vendor: 'aspire',
        credentials: { clientId: clientId.value, secret: secret.value },
        settings: { syncStartDate: syncStartDate.value, ...(baseUrl ? { baseUrl } : {}) },
      })
      secret.value = ''
      onConnected(connection)
    } catch (err) {
      error.value = (err as Error).message
    } finally {
      busy.value = false
    }
  }

  return (
    <form class="connect" data-testid="aspire-connect" onSubmit={submit}>
      <h3>Connect Aspire</h3>
      <AspireCredentialFields clientId={clientId} secret={secret} onApiPage={onApiPage} />
      <label for="aspire-sync-start">Sync start date</label>
      <input
        id="aspire-sync-start"
        name="syncStartDate"
        type="date"
        required
        value={syncStartDate.value}
        onInput={(e) => (syncStartDate.value = e.currentTarget.value)}
      />
      <p class="hint">Time and materials before this date are not imported.</p>
      <details class="advanced" open={apiAddress.value !== ''}>
        <summary>Advanced</summary>
        <label for="aspire-api-address">Aspire API address</label>
        <input
          id="aspire-api-address"
          name="baseUrl"
          placeholder="Aspire's production API"
          autocomplete="off"
          spellcheck={false}
          value={apiAddress.value}
          onInput={(e) => (apiAddress.value = e.currentTarget.value)}
        />
        <p class="hint">Leave empty for Aspire itself. Developers: the address of a local Aspire sandbox.</p>
      </details>
      <button type="submit" data-testid="aspire-connect-submit" disabled={busy.value}>
        {busy.value ? 'Checking with Aspire…' : 'Connect Aspire'}
      </button>
      {error.value && (
        <p class="error" role="alert" data-testid="connect-error">
          {error.value}
        </p>
      )}
    </form>
  )
}

// Test URLs: https://cloud.youraspire.com/app/admin/api (Administration → Application → API),
// https://cloud.youraspire.com/app/work-tickets
