import { type ReadonlySignal, useSignal } from '@preact/signals'
import type { ComponentChildren } from 'preact'
import { useEffect, useId } from 'preact/hooks'
import { collapsedPanelsItem } from '../../storage/items'
import type { SignedInState } from '../../messaging/protocol'
import { BackendStatusLine } from '../BackendStatusLine'
import { provideOrgFormat } from '../format/use-org-format'
import { send } from '../../messaging/send'
import { useMessage } from '../use-message'
import type { PageContext } from './page-context'
import { PageContextLine } from './page-context-line'
import type { PanelPlacement } from './placement'

/**
 * The Protiv panel on a vendor page: backend status, who is signed in, which screen it is on. Vendor
 * features add their sections through `children`, which only render for a signed-in user.
 */
export function ProtivPanel({
  vendorName,
  layout = 'dock',
  page,
  children,
}: {
  vendorName: string
  layout?: PanelPlacement['layout']
  page?: ReadonlySignal<PageContext>
  children?: (auth: SignedInState) => ComponentChildren
}) {
  // Remembered per vendor; unknown until read, so a collapsed panel never flashes open.
  const open = useSignal<boolean | null>(null)
  useEffect(() => {
    collapsedPanelsItem.getValue().then(
      (collapsed) => (open.value ??= !collapsed[vendorName]),
      () => (open.value ??= true),
    )
  }, [vendorName])
  const toggle = () => {
    const next = !open.value
    open.value = next
    void collapsedPanelsItem.getValue().then((collapsed) => collapsedPanelsItem.setValue({ ...collapsed, [vendorName]: !next }))
  }
  const bodyId = useId()
  const status = useMessage('backend:status', {}, 30_000)
  const auth = useMessage('auth:state', {})
  const signedIn = auth.value.state === 'ready' && auth.value.value.signedIn ? auth.value.value : null
  // Before the sections render, so their first figures are already in the organisation's locale and currency.
  if (auth.value.state === 'ready') provideOrgFormat(signedIn?.organization)
  return (
    <section class="protiv-panel" data-layout={layout} data-testid="protiv-panel" aria-label="Protiv">
      <header>
        <span class="logo">P</span>
        <strong>Protiv · {vendorName}</strong>
        <button aria-label={open.value === false ? 'Expand' : 'Collapse'} aria-expanded={open.value !== false} aria-controls={bodyId} onClick={toggle}>
          {open.value ? '–' : '+'}
        </button>
      </header>
      {open.value && (
        <div class="body" id={bodyId}>
          {page && <PageContextLine page={page.value} />}
          {status.value.state === 'ready' ? <BackendStatusLine status={status.value.value} /> : <p class="muted">Checking the backend…</p>}
          {auth.value.state === 'ready' && (
            <p class="muted" data-testid="panel-user">
              {signedIn
                ? `Signed in as ${signedIn.user.name} (${signedIn.organization.name})`
                : 'Not signed in: open the Protiv extension settings to sign in.'}
            </p>
          )}
          {auth.value.state === 'error' && <p class="error">{auth.value.error}</p>}
          {signedIn && children?.(signedIn)}
          {signedIn && ['admin', 'manager'].includes(signedIn.user.role) && (
            <button type="button" class="secondary" data-testid="open-review" onClick={() => void send('review:open', {}).catch(() => undefined)}>
              Review ProPays
            </button>
          )}
        </div>
      )}
    </section>
  )
}
