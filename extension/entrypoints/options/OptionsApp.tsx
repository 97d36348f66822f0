import { useSignal } from '@preact/signals'
import type { AuthState } from '../../messaging/protocol'
import { send } from '../../messaging/send'
import { BackendStatusLine } from '../../ui/BackendStatusLine'
import { provideOrgFormat } from '../../ui/format/use-org-format'
import { FormError } from '../../ui/form-error'
import { useMessage } from '../../ui/use-message'
import { TextField } from '../../ui/text-field'
import { useSubmit } from '../../ui/use-submit'
import { DiagnosticsSection } from './DiagnosticsSection'
import { OrganizationSettings } from './OrganizationSettings'

/** Backend address and sign in / sign out; for admins, the organisation's settings and the diagnostics. */
export function OptionsApp() {
  const auth = useMessage('auth:state', {})
  const status = useMessage('backend:status', {}, 15_000)
  if (auth.value.state === 'ready') provideOrgFormat(auth.value.value.signedIn ? auth.value.value.organization : null)
  return (
    <main>
      <h1>
        <span class="logo">P</span> Protiv Connect
      </h1>
      {status.value.state === 'ready' && <BackendStatusLine status={status.value.value} />}
      {auth.value.state === 'ready' &&
        (auth.value.value.signedIn ? (
          <SignedIn state={auth.value.value} onChange={(next) => (auth.value = { state: 'ready', value: next })} />
        ) : (
          <SignInForm apiBaseUrl={auth.value.value.apiBaseUrl} onChange={(next) => (auth.value = { state: 'ready', value: next })} />
        ))}
      {auth.value.state === 'error' && <p class="error">{auth.value.error}</p>}
    </main>
  )
}

function SignedIn({ state, onChange }: { state: Extract<AuthState, { signedIn: true }>; onChange: (s: AuthState) => void }) {
  const busy = useSignal(false)
  return (
    <section data-testid="signed-in">
      <p>
        Signed in as <strong>{state.user.name}</strong> ({state.user.email}), {state.user.role.replace('_', ' ')} at{' '}
        <strong>{state.organization.name}</strong>.
      </p>
      <p class="muted">Backend: {state.apiBaseUrl}</p>
      <button
        class="secondary"
        disabled={busy.value}
        onClick={async () => {
          busy.value = true
          onChange(await send('auth:signOut', {}))
        }}
      >
        Sign out
      </button>
      {state.user.role === 'admin' && <OrganizationSettings state={state} onChange={onChange} />}
      {/* Only admins: the API refuses everyone else, and a refusal is no news to them. */}
      {state.user.role === 'admin' && <DiagnosticsSection />}
    </section>
  )
}

function SignInForm({ apiBaseUrl, onChange }: { apiBaseUrl: string; onChange: (s: AuthState) => void }) {
  const url = useSignal(apiBaseUrl)
  const email = useSignal('')
  const password = useSignal('')
  const { busy, error, onSubmit } = useSubmit(async () => {
    onChange(await send('auth:signIn', { apiBaseUrl: url.value, email: email.value, password: password.value }))
  })
  return (
    <form onSubmit={onSubmit} data-testid="sign-in">
      <TextField id="api" label="Backend address" name="api" value={url} required />
      <TextField id="email" label="Email" name="email" type="email" autocomplete="username" value={email} required />
      <TextField id="password" label="Password" name="password" type="password" autocomplete="current-password" value={password} required />
      <button type="submit" disabled={busy.value}>
        {busy.value ? 'Signing in…' : 'Sign in'}
      </button>
      <FormError error={error.value} />
    </form>
  )
}
