import { useSignal } from '@preact/signals'
import type { ComponentChildren } from 'preact'
import { BackendStatusLine } from '../BackendStatusLine'
import { useMessage } from '../use-message'

/**
 * The floating Protiv panel on a vendor page: backend status and who is signed in. Vendor features add
 * their sections as children.
 */
export function ProtivPanel({ vendorName, children }: { vendorName: string; children?: ComponentChildren }) {
  const open = useSignal(true)
  const status = useMessage('backend:status', {}, 30_000)
  const auth = useMessage('auth:state', {})
  return (
    <section class="protiv-panel" data-testid="protiv-panel" aria-label="Protiv">
      <header>
        <span class="logo">P</span>
        <strong>Protiv · {vendorName}</strong>
        <button aria-label={open.value ? 'Collapse' : 'Expand'} onClick={() => (open.value = !open.value)}>
          {open.value ? '–' : '+'}
        </button>
      </header>
      {open.value && (
        <div class="body">
          {status.value.state === 'ready' ? <BackendStatusLine status={status.value.value} /> : <p class="muted">Checking the backend…</p>}
          {auth.value.state === 'ready' && (
            <p class="muted" data-testid="panel-user">
              {auth.value.value.signedIn
                ? `Signed in as ${auth.value.value.user.name} (${auth.value.value.organization.name})`
                : 'Not signed in: open the Protiv extension settings to sign in.'}
            </p>
          )}
          {children}
        </div>
      )}
    </section>
  )
}
