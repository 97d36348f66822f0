import { render } from 'preact'
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root'
import { ProtivPanel } from './ProtivPanel'

/**
 * Mounts the panel in an open shadow root (styles isolated) with `isolateEvents`, so typing in our inputs
 * never reaches the page's keyboard shortcuts. It removes itself when the content script is invalidated.
 */
export async function mountPanel(ctx: ContentScriptContext, vendorName: string) {
  const ui = await createShadowRootUi(ctx, {
    name: 'protiv-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: true,
    onMount: (container) => render(<ProtivPanel vendorName={vendorName} />, container),
    onRemove: (container) => container && render(null, container),
  })
  ui.mount()
  return ui
}
