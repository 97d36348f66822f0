/**
 * Calls `onChange` when the DOM under `root` changes: at once for the first change, then at most once per
 * `intervalMs` (a trailing call covers changes inside the window). Reacting at once paints the panel as soon
 * as its anchor appears; coalescing keeps a busy single-page app from running our checks on every mutation
 * (no long tasks on the host page). Changes inside our own shadow roots are not seen at all.
 */
export function observeDom(root: Node, signal: AbortSignal, onChange: () => void, intervalMs = 100): void {
  if (signal.aborted) return
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending = false
  const openWindow = () => {
    timer = setTimeout(() => {
      timer = undefined
      if (pending && !signal.aborted) {
        pending = false
        onChange()
        openWindow()
      }
    }, intervalMs)
  }
  const observer = new MutationObserver(() => {
    if (timer !== undefined) {
      pending = true
      return
    }
    onChange()
    openWindow()
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
