import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root'
import './propay-badge.css'

/** The custom element that hosts one badge's shadow root. */
export const BADGE_HOST = 'protiv-propay-badge'

/**
 * Mounts a small UI (a badge) in its own closed shadow root next to `anchor` (#15): the page's styles stay out, its
 * keyboard shortcuts never see our events, `host.shadowRoot` is null to its scripts, and it goes away with the content
 * script. A badge shows status, hours and the pool only; wages and shares open in the breakdown frame. `show` fills
 * the root's container and returns how to stop updating it.
 */
export async function mountBadge(
  ctx: ContentScriptContext,
  anchor: Element,
  append: 'before' | 'after' | 'first' | 'last',
  show: (container: HTMLElement) => () => void,
): Promise<() => void> {
  const ui = await createShadowRootUi(ctx, {
    name: BADGE_HOST,
    mode: 'closed',
    position: 'inline',
    anchor,
    append,
    isolateEvents: true,
    onMount: (container) => show(container),
    onRemove: (stop) => stop?.(),
  })
  ui.mount()
  return () => ui.remove()
}
