/**
 * Calls `onChange` after the DOM under `root` changes, at most once per `intervalMs`, until `signal` aborts.
 * Coalescing keeps a busy single-page app from running our checks on every mutation (no long tasks on the
 * host page); changes inside our own shadow roots are not seen at all.
 */
export function observeDom(root: Node, signal: AbortSignal, onChange: () => void, intervalMs = 100): void {
  if (signal.aborted) return
  let timer: ReturnType<typeof setTimeout> | undefined
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(() => {
      timer = undefined
      if (!signal.aborted) onChange()
    }, intervalMs)
  })
  observer.observe(root, { childList: true, subtree: true, characterData: true })
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect()
      clearTimeout(timer)
    },
    { once: true },
  )
}
