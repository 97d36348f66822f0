/**
 * Reconnect ExakTime (admins) when Arcoro stopped accepting the stored API key (revoked, expired, or its read access
 * taken away): same connection, same data, a new key checked live before it replaces the old one. This is ExakTime's
 * answer to "refresh the session": its only server-side access is the key (docs/vendors/exaktime.md §12.5, §14), so a
 * signed-in ExakTime Connect tab has nothing the backend could use, and the fix is a new key from Arcoro's Hub.
 * @module
 */
import type { Signal } from '@preact/signals'
import { useSignal } from '@preact/signals'
import { send } from '../../messaging/send'
import { FormError } from '../../ui/form-error'
import { TextField } from '../../ui/text-field'
import { useSubmit } from '../../ui/use-submit'
import type { ReconnectFormProps } from '../../ui/vendor-ui'

export function ExakTimeReconnect({ connectionId, onReconnected, page }: ReconnectFormProps) {
  const companyId = useSignal(page?.account ?? '')
  const apiKey = useSignal('')
  const { busy, error, onSubmit } = useSubmit(async () => {
    const next = await send('connections:update', { id: connectionId, patch: { credentials: { companyId: companyId.value.trim(), apiKey: apiKey.value.trim() } } })
    apiKey.value = ''
    onReconnected(next)
  })
  const field = (id: string, label: string, value: Signal<string>, extra: { name: string; type?: 'password' }) => (
    <TextField id={id} label={label} value={value} autocomplete="off" spellcheck={false} required disabled={busy.value} {...extra} />
  )

  return (
    <form class="connect" data-testid="exaktime-reconnect" onSubmit={onSubmit}>
      <p class="hint">
        Create a new key in Arcoro's Hub under API keys (a read-only key is enough) and paste it here. The data already synced is kept.
      </p>
      {field('exaktime-reconnect-company-id', 'Company ID', companyId, { name: 'companyId' })}
      {field('exaktime-reconnect-api-key', 'New Arcoro API key', apiKey, { name: 'apiKey', type: 'password' })}
      <button type="submit" data-testid="exaktime-reconnect-submit" disabled={busy.value}>
        {busy.value ? 'Checking with ExakTime…' : 'Reconnect'}
      </button>
      <FormError error={error.value} testId="reconnect-error" />
    </form>
  )
}

// Test URLs: https://acme.exaktime.com/app/timecards
