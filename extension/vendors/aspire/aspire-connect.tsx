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
import { FormError } from '../../ui/form-error'
import { AdvancedAddress, chosenAddress, vendorAddressesAllowed } from '../../ui/panel/advanced-address'
import { TextField } from '../../ui/text-field'
import { useSubmit } from '../../ui/use-submit'
import { AspireCredentialFields } from './aspire-credential-fields'

export function AspireConnect({ onConnected, onApiPage }: { onConnected: (connection: ConnectionView) => void; onApiPage?: boolean }) {
  const clientId = useSignal('')
  const secret = useSignal('')
  const syncStartDate = useSignal(firstDayOfYear())
  const apiAddress = useSignal('')

  useEffect(() => {
    if (vendorAddressesAllowed()) void aspireApiAddressItem.getValue().then((stored) => (apiAddress.value ||= stored))
  }, [])

  const { busy, error, onSubmit } = useSubmit(async () => {
    const baseUrl = chosenAddress(apiAddress)
    // Remembered for the next connect (developers point it at a local Aspire sandbox once).
    if (vendorAddressesAllowed()) await aspireApiAddressItem.setValue(baseUrl)
    const connection = await send('connections:create', {
      vendor: 'aspire',
      credentials: { clientId: clientId.value, secret: secret.value },
      settings: { syncStartDate: syncStartDate.value, ...(baseUrl ? { baseUrl } : {}) },
    })
    secret.value = ''
    onConnected(connection)
  })

  return (
    <form class="connect" data-testid="aspire-connect" onSubmit={onSubmit}>
      <h3>Connect Aspire</h3>
      <AspireCredentialFields clientId={clientId} secret={secret} onApiPage={onApiPage} />
      <TextField id="aspire-sync-start" label="Sync start date" name="syncStartDate" type="date" required value={syncStartDate} />
      <p class="hint">Time and materials before this date are not imported.</p>
      <AdvancedAddress
        id="aspire-api-address"
        label="Aspire API address"
        placeholder="Aspire's production API"
        hint="Leave empty for Aspire itself. Developers: the address of a local Aspire sandbox."
        address={apiAddress}
      />
      <button type="submit" data-testid="aspire-connect-submit" disabled={busy.value}>
        {busy.value ? 'Checking with Aspire…' : 'Connect Aspire'}
      </button>
      <FormError error={error.value} testId="connect-error" />
    </form>
  )
}

// Test URLs: https://cloud.youraspire.com/app/admin/api (Administration → Application → API),
// https://cloud.youraspire.com/app/work-tickets
