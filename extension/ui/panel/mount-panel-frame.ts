/**
 * Mounts the Protiv panel as an extension-origin iframe (`panel.html`, WXT `createIframeUi`) in the vendor's page
 * (#15). Everything secret (connect forms, wages, shares) renders inside the frame, which the page cannot script: its
 * document is cross-origin, and keystrokes typed there are never dispatched to the page. The page only sees the
 * wrapper and the iframe element, sized by the heights the frame reports (content/frame-messages.ts).
 * @module
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe'
import { browser } from 'wxt/browser'
import { extensionOrigin, listenToFrame, setImportant } from '../../content/frame-messages'
import type { PanelPlacement } from './placement'

/** Set on `<html>` while a panel is mounted: a second mount (two copies of the script, a repeated event) is refused. */
export const PANEL_MARKER = 'data-protiv-panel'
/** On the wrapper and the iframe, so tests (and people reading the DOM) can find them. */
export const FRAME_ATTRIBUTE = 'data-protiv-frame'

export interface PanelFrame {
  readonly layout: PanelPlacement['layout']
  readonly iframe: HTMLIFrameElement
  /** False once the vendor's page took the wrapper out of its DOM (a re-render): the caller mounts anew. */
  readonly connected: boolean
  remove(): void
}

/** Wrapper styles per layout: the dock floats in the corner, inline flows with the vendor's screen. */
const WRAPPER: Record<PanelPlacement['layout'], Record<string, string>> = {
  dock: {
    position: 'fixed', right: '16px', bottom: '16px', 'z-index': '2147483000', width: '340px', 'max-height': 'calc(100vh - 32px)',
    'border-radius': '10px', 'box-shadow': '0 8px 24px rgba(15, 23, 42, .18)', overflow: 'hidden', display: 'block',
  },
  inline: { display: 'block', position: 'relative', width: '100%', 'max-width': '520px', margin: '12px 0' },
}

export async function mountPanelFrame(ctx: ContentScriptContext, placement: PanelPlacement): Promise<PanelFrame | null> {
  const html = placement.anchor.ownerDocument.documentElement
  if (html.hasAttribute(PANEL_MARKER) || ctx.isInvalid) return null
  html.setAttribute(PANEL_MARKER, placement.layout)
  const origin = extensionOrigin(browser.runtime.getURL('/'))
  const stop = new AbortController()
  const ui = createIframeUi(ctx, {
    page: '/panel.html',
    position: 'inline',
    anchor: placement.anchor,
    append: placement.append,
    onMount: (wrapper, iframe) => {
      wrapper.setAttribute(FRAME_ATTRIBUTE, 'panel')
      wrapper.setAttribute('data-layout', placement.layout)
      setImportant(wrapper, WRAPPER[placement.layout])
      iframe.setAttribute(FRAME_ATTRIBUTE, 'panel')
      iframe.title = 'Protiv'
      setImportant(iframe, { display: 'block', width: '100%', height: '44px', border: '0', 'color-scheme': 'normal', background: 'transparent' })
      if (placement.layout === 'dock') iframe.style.setProperty('max-height', 'calc(100vh - 32px)', 'important')
      // The frame says how tall its content is; only our frame's own window, from our origin, is believed.
      listenToFrame(iframe, origin, stop.signal, (message) => {
        if (message.protiv === 'height') iframe.style.setProperty('height', `${message.height}px`, 'important')
      })
    },
    onRemove: () => {
      stop.abort()
      html.removeAttribute(PANEL_MARKER)
    },
  })
  ui.mount()
  return {
    layout: placement.layout,
    iframe: ui.iframe,
    get connected() {
      return ui.wrapper.isConnected
    },
    remove: () => ui.remove(),
  }
}
