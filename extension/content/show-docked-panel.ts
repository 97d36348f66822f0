/**
 * For vendor sites where the panel does not depend on the screen (Buildertrend, ExakTime): one panel frame per tab,
 * docked in the corner, mounted once so nothing typed into its forms is lost on in-app navigation; only the screen
 * description (sent to the background, which hands it to the frame) follows the URL and the page's content.
 * @module
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { mountPanelFrame, type PanelFrame } from '../ui/panel/mount-panel-frame'
import type { PageContext } from '../ui/panel/page-context'
import { observeDom } from './observe-dom'
import { panelContextReporter } from './report-panel-context'

export interface DockedPanelHooks {
  ctx: ContentScriptContext
  doc: Document
  initialUrl: URL
  /** Registers the navigation listener; in the content script, WXT's `wxt:locationchange`. */
  onLocationChange(listener: (url: URL) => void): void
  describe(url: URL, doc: Document): PageContext
}

/** Mounts the panel frame; resolves it (null when a panel is already on the page). */
export async function showDockedPanel(hooks: DockedPanelHooks): Promise<PanelFrame | null> {
  let url = hooks.initialUrl
  const report = panelContextReporter()
  const update = () => void report('dock', hooks.describe(url, hooks.doc))
  // Stored before the frame loads, so its first question finds the answer.
  await report('dock', hooks.describe(url, hooks.doc))
  hooks.onLocationChange((next) => {
    url = next
    update()
  })
  observeDom(hooks.doc.documentElement, hooks.ctx.signal, update)
  return mountPanelFrame(hooks.ctx, { layout: 'dock', anchor: hooks.doc.body, append: 'last' })
}
