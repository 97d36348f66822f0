import { computed } from '@preact/signals'
import { useMemo } from 'preact/hooks'
import { VendorConnection } from '../panel/features/vendor-connection'
import { ProtivPanel } from '../panel/ProtivPanel'
import { vendorUi } from '../../vendors/registry'
import type { PageContext } from '../panel/page-context'
import { type TabContext, useTabContext } from './use-tab-context'

const NO_PAGE: PageContext = { kind: 'other', id: null, label: null, title: null }
const pageOf = (tab: TabContext): PageContext => (tab.state === 'ready' ? tab.context.page : NO_PAGE)

/**
 * The Protiv panel inside its extension frame (`panel.html`): the vendor, layout and screen come from the background
 * (useTabContext). Nothing renders until the content script has reported its tab's context, so a page that frames
 * `panel.html` by itself gets an empty frame.
 */
export function PanelFrame() {
  const tab = useTabContext()
  const page = useMemo(() => computed(() => pageOf(tab.value)), [])
  const state = tab.value
  if (state.state === 'error') return <p class="error">{state.error}</p>
  if (state.state !== 'ready') return null
  const { vendor, layout } = state.context
  return (
    <ProtivPanel vendorName={vendorUi(vendor).name} layout={layout} page={page}>
      {(auth) => <VendorConnection auth={auth} vendor={vendor} page={page.value} />}
    </ProtivPanel>
  )
}
