/**
 * Waiting for and following an Aspire screen as it renders. Aspire is a single-page app: after a
 * navigation the URL changes first and the screen renders later, so the panel waits for the screen's probe
 * (see `selectors.ts`) and keeps its description current as the page fills in.
 * @module
 */
import { observeDom } from '../../content/observe-dom'
import { waitFor } from '../../content/wait-for'
import { detectAspirePage } from './detect-page'
import type { AspirePage } from './page-kind'
import { RENDER_TIMEOUT_MS } from './selectors'

/**
 * The screen at `url` once it has rendered; after `timeoutMs` without its probe, the best guess from the
 * URL (with `rendered: false`) so the panel still appears. Null when the page was left meanwhile.
 */
export async function awaitAspireScreen(url: URL, doc: Document, signal: AbortSignal, timeoutMs = RENDER_TIMEOUT_MS): Promise<AspirePage | null> {
  const rendered = await waitFor(doc.documentElement, () => {
    const page = detectAspirePage(url, doc)
    return page.rendered ? page : null
  }, signal, timeoutMs)
  if (signal.aborted) return null
  return rendered ?? detectAspirePage(url, doc)
}

const same = (a: AspirePage, b: AspirePage) => a.kind === b.kind && a.id === b.id && a.title === b.title && a.rendered === b.rendered

/** Calls `onChange` whenever the screen's description changes, until `signal` aborts. */
export function watchAspireScreen(url: URL, doc: Document, signal: AbortSignal, initial: AspirePage, onChange: (page: AspirePage) => void): void {
  let last = initial
  observeDom(doc.documentElement, signal, () => {
    const page = detectAspirePage(url, doc)
    if (!same(page, last)) onChange((last = page))
  })
}
