import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { reportSelectorMiss } from '../../content/report-selector-miss'
import { panelContextReporter } from '../../content/report-panel-context'
import { mountPanelFrame, type PanelFrame } from '../../ui/panel/mount-panel-frame'
import { describeAspirePage } from '../../vendors/aspire/describe-page'
import { detectAspirePage } from '../../vendors/aspire/detect-page'
import { findMountTarget } from '../../vendors/aspire/mount-target'
import { awaitAspireScreen, watchAspireScreen } from '../../vendors/aspire/screen-watch'
import { showProPayBadges } from './show-propay-badges'

/**
 * The Protiv panel on Aspire, one per tab for the content script's life (#15): the panel frame is mounted on the first
 * screen, where the adapter says, and stays mounted across in-app navigation, so what was typed into it, its collapsed
 * state and its loaded status survive; each screen only updates its context. It is mounted again only when Aspire's
 * own re-render took it out of the page. `show` is followNavigation's hook: per screen it waits for the screen to
 * render, reports its description, and adds the ProPay badges; what it returns removes the badges only.
 */
export function aspirePanel(ctx: ContentScriptContext, doc: Document = document) {
  let frame: PanelFrame | null = null
  const report = panelContextReporter()

  return async function show(url: URL, leaving: AbortSignal): Promise<(() => void) | null> {
    // An address no rule knows: dock at once and say so (waiting would only delay the panel); a known one waits for its
    // screen to render, as Aspire renders after the URL changes.
    const guess = detectAspirePage(url, doc)
    const page = guess.kind === 'other' ? guess : await awaitAspireScreen(url, doc, leaving)
    if (!page || leaving.aborted) return null
    if (!page.rendered && page.kind !== 'other') reportSelectorMiss('aspire', 'screen_probe', url)
    const kept = frame?.connected ? frame : null
    const placement = kept ? null : findMountTarget(page, doc)
    const layout = kept?.layout ?? placement!.layout
    await report(layout, describeAspirePage(page, true))
    watchAspireScreen(url, doc, leaving, page, (next) => void report(layout, describeAspirePage(next)))
    if (!kept && !leaving.aborted) {
      frame?.remove()
      frame = await mountPanelFrame(ctx, placement!)
    }
    // ProPay badges for managers: next to the title, or one per row of the work ticket list.
    return showProPayBadges(ctx, page, leaving, doc)
  }
}
