/**
 * "Connect with this signed-in account" (#14): the first choice on buildertrend.net. The admin is already signed in
 * to Buildertrend in this tab; the background hands that session to Protiv, so no password is typed or stored. The
 * panel only says "connect with session": it never sees the cookies.
 * @module
 */
import { useSignal } from '@preact/signals'
import type { ConnectionView } from '../../../shared/api/connections'
import { send } from '../../messaging/send'
import { firstDayOfYear } from '../../ui/first-day-of-year'
import { FormError } from '../../ui/form-error'
import { AdvancedAddress, chosenAddress } from '../../ui/panel/advanced-address'
import { TextField } from '../../ui/text-field'
import { useSubmit } from '../../ui/use-submit'

export function BuildertrendSessionConnect({ onConnected }: { onConnected: (connection: ConnectionView) => void }) {
  const syncStartDate = useSignal(firstDayOfYear())
  const apiAddress = useSignal('')
  const { busy, error, onSubmit } = useSubmit(async () => {
    const baseUrl = chosenAddress(apiAddress)
    const outcome = await send('buildertrend:connectSession', { auto: false, settings: { syncStartDate: syncStartDate.value, ...(baseUrl ? { baseUrl } : {}) } })
    if (outcome.kind === 'no_session') throw new Error(outcome.message)
    if (outcome.kind === 'connected' || outcome.kind === 'reconnected') onConnected(outcome.connection)
  })
  return (
    <form class="connect" data-testid="buildertrend-session-connect" onSubmit={onSubmit} aria-busy={busy.value}>
      <h3>Connect Buildertrend</h3>
      <p class="hint">You are on buildertrend.net: Protiv can use the account signed in here. No password is typed or kept.</p>
      <TextField id="bt-session-sync-start" label="Sync start date" name="syncStartDate" type="date" required disabled={busy.value} value={syncStartDate} />
      <AdvancedAddress
        id="bt-session-api-address"
        label="Buildertrend address"
        placeholder="buildertrend.net itself"
        hint="Leave empty. Developers: the address of a local Buildertrend sandbox."
        address={apiAddress}
        disabled={busy.value}
      />
      <button type="submit" data-testid="buildertrend-session-submit" disabled={busy.value}>
        {busy.value ? 'Connecting…' : 'Connect with this signed-in account'}
      </button>
      <FormError error={error.value} testId="session-connect-error" />
    </form>
  )
}

// Test URLs: https://buildertrend.net/app/Landing, https://buildertrend.net/app/TimeClock
