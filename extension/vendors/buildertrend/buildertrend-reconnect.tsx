/**
 * Reconnect a Buildertrend password connection (admins) when Buildertrend stopped accepting the stored sign-in: same
 * connection, same data, the username and new password checked live (a real sign-in, 15–30 s) before they replace the
 * old ones. The username is asked again because the API never returns credentials and replaces them whole.
 * @module
 */
import { useSignal } from '@preact/signals'
import { send } from '../../messaging/send'
import { FormError } from '../../ui/form-error'
import { TextField } from '../../ui/text-field'
import { useSubmit } from '../../ui/use-submit'
import type { ReconnectFormProps } from '../../ui/vendor-ui'

export function BuildertrendReconnect({ connectionId, onReconnected }: ReconnectFormProps) {
  const username = useSignal('')
  const password = useSignal('')
  const { busy, error, onSubmit } = useSubmit(async () => {
    // Trimmed as on connect: stray spaces pasted with a password are the most common reason a sign-in fails.
    const credentials = { kind: 'password', username: username.value.trim(), password: password.value.trim() }
    const next = await send('connections:update', { id: connectionId, patch: { credentials } })
    password.value = ''
    onReconnected(next)
  })

  return (
    <form class="connect" data-testid="buildertrend-reconnect" onSubmit={onSubmit} aria-busy={busy.value}>
      <p class="hint">Sign in again with the username and the current password of this Buildertrend account. The data already synced is kept.</p>
      <TextField id="bt-reconnect-username" label="Username" name="username" autocomplete="off" spellcheck={false} required disabled={busy.value} value={username} />
      <TextField id="bt-reconnect-password" label="New password" name="password" type="password" autocomplete="off" required disabled={busy.value} value={password} />
      <button type="submit" data-testid="buildertrend-reconnect-submit" disabled={busy.value}>
        {busy.value ? 'Signing in to Buildertrend…' : 'Reconnect'}
      </button>
      {busy.value && (
        <p class="waiting" role="status">
          <span class="spinner" aria-hidden="true" />
          Signing in to Buildertrend the way a person does. This takes 15–30 seconds.
        </p>
      )}
      <FormError error={error.value} testId="reconnect-error" />
    </form>
  )
}

// Test URLs: https://buildertrend.net/app/TimeClock
