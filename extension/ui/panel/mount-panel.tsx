import { render, type VNode } from 'preact'
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root'
import type { PanelPlacement } from './placement'

/** Set on `<html>` while a panel is mounted: a second mount (two copies of the script, a repeated event) is refused. */
export const PANEL_MARKER = 'data-protiv-panel'

/**
 * Mounts a panel in an open shadow root (styles isolated; Playwright can still see in) with
 * `isolateEvents`, so typing in our inputs never reaches the page's keyboard shortcuts. Returns how to
 * remove it, or null when a panel is already mounted. It also removes itself when the content script is
 * invalidated (extension update or reload).
 */
export async function mountPanel(ctx: ContentScriptContext, placement: PanelPlacement, content: VNode): Promise<(() => void) | null> {
  const html = placement.anchor.ownerDocument.documentElement
  if (html.hasAttribute(PANEL_MARKER)) return null
  let ownsMarker = false
  const ui = await createShadowRootUi(ctx, {
    name: 'protiv-panel',
    position: 'inline',
    anchor: placement.anchor,
    append: placement.append,
    isolateEvents: true,
    // Returning the container hands it to onRemove, which unmounts the Preact tree (stopping its timers).
    onMount: (container) => {
      render(content, container)
      return container
    },
    onRemove: (container) => {
      if (container) render(null, container)
      if (ownsMarker) html.removeAttribute(PANEL_MARKER)
      ownsMarker = false
    },
  })
  // Checked again: another mount may have finished while the stylesheet loaded.
  if (html.hasAttribute(PANEL_MARKER) || ctx.isInvalid) return null
  html.setAttribute(PANEL_MARKER, placement.layout)
  ownsMarker = true
  ui.mount()
  return () => ui.remove()
}
