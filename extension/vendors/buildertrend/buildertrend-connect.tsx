/**
 * Connect Buildertrend (admins): the username and password someone signs in to buildertrend.net with
 * (Buildertrend has no public API for this data), trimmed, and the go-live date. Signing in to Buildertrend
 * takes 15–30 s, so the form says so and shows a spinner meanwhile. The backend's answer is shown as given:
 * it tells a wrong password from a captcha/MFA wall ("sign in at Buildertrend yourself once, then retry"),
 * a locked account, and Buildertrend being unreachable.
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

export function BuildertrendConnect({ onConnected }: { onConnected: (connection: ConnectionView) => void }) {
  const username = useSignal('')
  const password = useSignal('')
  const syncStartDate = useSignal(firstDayOfYear())
  const apiAddress = useSignal('')

  const { busy, error, onSubmit } = useSubmit(async () => {
    const baseUrl = chosenAddress(apiAddress)
    const connection = await send('connections:create', {
      vendor: 'buildertrend',
      // Stray spaces pasted with an email or password are the most common reason a connect fails.
      credentials: { username: username.value.trim(), password: password.value.trim() },
      settings: { syncStartDate: syncStartDate.value, ...(baseUrl ? { baseUrl } : {}) },
    })
    password.value = ''
    onConnected(connection)
  })

  return (
    <form class="connect" data-testid="buildertrend-connect" onSubmit={onSubmit} aria-busy={busy.value}>
      <h3>Connect Buildertrend</h3>
      <p class="hint">Use the username and password an admin signs in to buildertrend.net with. Buildertrend has no API key for this.</p>
      <TextField
        id="bt-username"
        label="Username"
        name="username"
        autocomplete="off"
        spellcheck={false}
        required
        disabled={busy.value}
        placeholder="usually an email address"
        value={username}
      />
      <TextField id="bt-password" label="Password" name="password" type="password" autocomplete="off" required disabled={busy.value} value={password} />
      <p class="hint" data-testid="bt-spaces-hint">
        Spaces copied along with the username or password are the most common reason connecting fails; we remove them before
        signing in.
      </p>
      <TextField id="bt-sync-start" label="Sync start date" name="syncStartDate" type="date" required disabled={busy.value} value={syncStartDate} />
      <p class="hint">Your go-live date: time clock shifts before it are not imported.</p>
      <AdvancedAddress
        id="bt-api-address"
        label="Buildertrend address"
        placeholder="buildertrend.net itself"
        hint="Leave empty. Developers: the address of a local Buildertrend sandbox."
        address={apiAddress}
        disabled={busy.value}
      />
      <button type="submit" data-testid="buildertrend-connect-submit" disabled={busy.value}>
        {busy.value ? 'Signing in to Buildertrend…' : 'Connect Buildertrend'}
      </button>
      {busy.value && (
        <p class="waiting" role="status" data-testid="bt-signing-in">
          <span class="spinner" aria-hidden="true" />
          Signing in to Buildertrend the way a person does. This takes 15–30 seconds; keep this tab open.
        </p>
      )}
      <FormError error={error.value} testId="connect-error" />
    </form>
  )
}

// Test URLs: https://buildertrend.net/app/Landing, https://buildertrend.net/app/TimeClock
