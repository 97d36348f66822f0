/**
 * One page at a time in a single-page app: shows what belongs on the page the content script starts on,
 * and on every in-app navigation aborts and removes what the old page had before showing the new page's.
 * A navigation to the same page (same key) keeps what is shown, so nothing is ever mounted twice.
 * @module
 */

export interface NavigationHooks {
  initialUrl: URL
  /** Registers the navigation listener; in the content script, WXT's `wxt:locationchange`. */
  onLocationChange(listener: (newUrl: URL) => void): void
  /** Two URLs with the same key are the same page (e.g. only a list filter in the query changed). */
  pageKey(url: URL): string
  /**
   * Shows what belongs on the page at `url` and returns how to remove it. `signal` aborts when the page is
   * left, so waiting for late content stops there.
   */
  show(url: URL, signal: AbortSignal): Promise<(() => void) | null>
  /** The content script's lifetime (`ctx.signal`): everything is removed when it ends. */
  signal: AbortSignal
  onError?(err: unknown): void
}

export function followNavigation(hooks: NavigationHooks): void {
  let current: { key: string; leaving: AbortController; remove: (() => void) | null } | null = null

  const leave = () => {
    current?.leaving.abort()
    current?.remove?.()
    current = null
  }

  const enter = (url: URL) => {
    if (hooks.signal.aborted) return
    const key = hooks.pageKey(url)
    if (current?.key === key) return
    leave()
    const page: NonNullable<typeof current> = { key, leaving: new AbortController(), remove: null }
    current = page
    hooks.show(url, page.leaving.signal).then(
      (remove) => {
        // Left while it was still waiting for the page to render: take it away at once.
        if (page.leaving.signal.aborted) remove?.()
        else page.remove = remove
      },
      (err: unknown) => hooks.onError?.(err),
    )
  }

  hooks.signal.addEventListener('abort', leave, { once: true })
  hooks.onLocationChange(enter)
  enter(hooks.initialUrl)
}
