import type { Signal } from '@preact/signals'
import { TextField } from '../../ui/text-field'

/** Client ID and Secret, with where an Aspire admin creates them. Shared by connect and reconnect. */
export function AspireCredentialFields({ clientId, secret, onApiPage }: { clientId: Signal<string>; secret: Signal<string>; onApiPage?: boolean }) {
  return (
    <>
      <p class="hint" data-testid="aspire-credentials-pointer">
        {onApiPage ? 'On this screen, select New' : 'In Aspire, open Administration → Application → API and select New'}, tick every
        scope, save, and copy the Client ID and Secret. Aspire shows the Secret only once.
      </p>
      <TextField id="aspire-client-id" label="Client ID" name="clientId" autocomplete="off" spellcheck={false} required value={clientId} />
      <TextField id="aspire-secret" label="Secret" name="secret" type="password" autocomplete="off" required value={secret} />
    </>
  )
}

// Test URLs: https://cloud.youraspire.com/app/admin/api
