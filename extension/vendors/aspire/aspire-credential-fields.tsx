import type { Signal } from '@preact/signals'

/** Client ID and Secret, with where an Aspire admin creates them. Shared by connect and reconnect. */
export function AspireCredentialFields({ clientId, secret, onApiPage }: { clientId: Signal<string>; secret: Signal<string>; onApiPage?: boolean }) {
  return (
    <>
      <p class="hint" data-testid="aspire-credentials-pointer">
        {onApiPage ? 'On this screen, select New' : 'In Aspire, open Administration → Application → API and select New'}, tick every
        scope, save, and copy the Client ID and Secret. Aspire shows the Secret only once.
      </p>
      <label for="aspire-client-id">Client ID</label>
      <input
        id="aspire-client-id"
        name="clientId"
        autocomplete="off"
        spellcheck={false}
        required
        value={clientId.value}
        onInput={(e) => (clientId.value = e.currentTarget.value)}
      />
      <label for="aspire-secret">Secret</label>
      <input
        id="aspire-secret"
        name="secret"
        type="password"
        autocomplete="off"
        required
        value={secret.value}
        onInput={(e) => (secret.value = e.currentTarget.value)}
      />
    </>
  )
}

// Test URLs: https://cloud.youraspire.com/app/admin/api
