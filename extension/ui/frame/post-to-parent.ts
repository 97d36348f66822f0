/**
 * Frame side of content/frame-messages.ts: tells the content script in the vendor page how tall the frame's content
 * is, and when a breakdown closes. Addressed to the page's own origin when Chrome says which (`ancestorOrigins`), so
 * a page that framed us elsewhere hears nothing; only a height and "close" ever go this way.
 * @module
 */
import type { FrameMessage } from '../../content/frame-messages'

const parentOrigin = () => location.ancestorOrigins?.[0] ?? '*'

export function postToParent(message: FrameMessage) {
  if (window.parent !== window) window.parent.postMessage(message, parentOrigin())
}

/** Reports the document's height now and whenever it changes, until `signal` aborts. */
export function reportHeight(signal: AbortSignal, root: Element = document.documentElement) {
  let last = -1
  const report = () => {
    const height = Math.ceil(root.getBoundingClientRect().height)
    if (height === last) return
    last = height
    postToParent({ protiv: 'height', height })
  }
  const observer = new ResizeObserver(report)
  observer.observe(root)
  report()
  signal.addEventListener('abort', () => observer.disconnect(), { once: true })
}
