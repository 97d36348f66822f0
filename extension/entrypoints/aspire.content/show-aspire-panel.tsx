import { signal as createSignal } from '@preact/signals'
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { reportSelectorMiss } from '../../content/report-selector-miss'
import { VendorConnection } from '../../ui/panel/features/vendor-connection'
import { mountPanel } from '../../ui/panel/mount-panel'
import { ProtivPanel } from '../../ui/panel/ProtivPanel'
import { describeAspirePage } from '../../vendors/aspire/describe-page'
import { detectAspirePage } from '../../vendors/aspire/detect-page'
import { findMountTarget } from '../../vendors/aspire/mount-target'
import { awaitAspireScreen, watchAspireScreen } from '../../vendors/aspire/screen-watch'
import { aspireSite } from '../../vendors/aspire/site'
import { showProPayBadges } from './show-propay-badges'

/**
 * Shows the Protiv panel on the Aspire screen at `url`: waits for the screen to render, mounts where the
 * adapter says, and keeps the screen description current. Returns how to remove it (null when the page
 * was left first or a panel is already there).
 */
export async function showAspirePanel(ctx: ContentScriptContext, url: URL, leaving: AbortSignal): Promise<(() => void) | null> {
  // An address no rule knows: dock at once and say so (waiting would only delay the panel); a known one waits for its
  // screen to render, as Aspire renders after the URL changes.
  const guess = detectAspirePage(url, document)
  const page = guess.kind === 'other' ? guess : await awaitAspireScreen(url, document, leaving)
  if (!page || leaving.aborted) return null
  if (!page.rendered && page.kind !== 'other') reportSelectorMiss('aspire', 'screen_probe', url)
  const context = createSignal(describeAspirePage(page, true))
  watchAspireScreen(url, document, leaving, page, (next) => (context.value = describeAspirePage(next)))
  const placement = findMountTarget(page, document)
  const removePanel = await mountPanel(
    ctx,
    placement,
    <ProtivPanel vendorName={aspireSite.name} layout={placement.layout} page={context}>
      {(auth) => <VendorConnection auth={auth} vendor={aspireSite.vendor} page={context.value} />}
    </ProtivPanel>,
  )
  if (!removePanel) return null
  // ProPay badges for managers: next to the title, or one per row of the work ticket list.
  const removeBadges = showProPayBadges(ctx, page, leaving)
  return () => {
    removeBadges()
    removePanel()
  }
}
