/**
 * For vendor sites where the panel does not depend on the screen (Buildertrend, ExakTime): one panel per
 * tab, docked in the corner, mounted once so nothing typed into its forms is lost on in-app navigation;
 * only the line describing the screen follows the URL and the page's content.
 * @module
 */
import { signal as createSignal } from '@preact/signals'
import type { VNode } from 'preact'
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { mountPanel } from '../ui/panel/mount-panel'
import type { PageContext } from '../ui/panel/page-context'
import type { ReadonlySignal } from '@preact/signals'
import { observeDom } from './observe-dom'

const same = (a: PageContext, b: PageContext) => a.kind === b.kind && a.id === b.id && a.label === b.label && a.title === b.title && a.account === b.account

export interface DockedPanelHooks {
  ctx: ContentScriptContext
  doc: Document
  initialUrl: URL
  /** Registers the navigation listener; in the content script, WXT's `wxt:locationchange`. */
  onLocationChange(listener: (url: URL) => void): void
  describe(url: URL, doc: Document): PageContext
  panel(page: ReadonlySignal<PageContext>): VNode
}

/** Mounts the panel; resolves how to remove it (null when a panel is already on the page). */
export async function showDockedPanel(hooks: DockedPanelHooks): Promise<(() => void) | null> {
  let url = hooks.initialUrl
  const page = createSignal(hooks.describe(url, hooks.doc))
  const update = () => {
    const next = hooks.describe(url, hooks.doc)
    if (!same(next, page.peek())) page.value = next
  }
  hooks.onLocationChange((next) => {
    url = next
    update()
  })
  observeDom(hooks.doc.documentElement, hooks.ctx.signal, update)
  return mountPanel(hooks.ctx, { layout: 'dock', anchor: hooks.doc.body, append: 'last' }, hooks.panel(page))
}
