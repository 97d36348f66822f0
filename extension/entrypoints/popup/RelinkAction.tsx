/**
 * Reconnect from the popup (#15), for admins, on a connection that needs relinking. The popup is an extension page, so
 * the vendor's own Reconnect form (the panel's) opens inline and the secrets typed there never reach a vendor page. A
 * connection only the vendor's signed-in tab can relink (a Buildertrend browser session) gets, instead, the site in a
 * new tab and a sentence saying why.
 * @module
 */
import { useSignal } from '@preact/signals'
import { useId } from 'preact/hooks'
import { browser } from 'wxt/browser'
import type { ConnectionView } from '../../../shared/api/connections'
import { vendorUi } from '../../vendors/registry'

export function RelinkAction({ connection, onReconnected }: { connection: ConnectionView; onReconnected: (next: ConnectionView) => void }) {
  const open = useSignal(false)
  const formId = useId()
  const ui = vendorUi(connection.vendor)
  if (connection.status !== 'relink_needed') return null
  const inTab = ui.relinkInTab?.(connection)
  if (inTab) {
    return (
      <div class="relink" data-testid="relink-in-tab">
        <p class="hint">{inTab.why}</p>
        <button type="button" class="secondary" data-testid="open-vendor-site" onClick={() => void browser.tabs.create({ url: inTab.url })}>
          Open {inTab.siteName}
        </button>
      </div>
    )
  }
  const { Reconnect } = ui
  // Without a form the vendor's advice in the status text is all there is to do.
  if (!Reconnect) return null
  return (
    <div class="relink">
      <button type="button" class="secondary" data-testid="reconnect" aria-expanded={open.value} aria-controls={formId} onClick={() => (open.value = !open.value)}>
        Reconnect
      </button>
      <div id={formId}>
        {open.value && (
          <Reconnect
            connectionId={connection.id}
            page={null}
            onReconnected={(next) => {
              open.value = false
              onReconnected(next)
            }}
          />
        )}
      </div>
    </div>
  )
}
