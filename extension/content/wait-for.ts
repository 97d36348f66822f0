import { observeDom } from './observe-dom'

/**
 * Resolves with what `find` returns once it is not null, checking now and after DOM changes under `root`.
 * Resolves null when `timeoutMs` passes or `signal` aborts (leaving the page), so callers never hang.
 */
export function waitFor<T>(root: Node, find: () => T | null, signal: AbortSignal, timeoutMs: number): Promise<T | null> {
  const found = signal.aborted ? null : find()
  if (found !== null || signal.aborted) return Promise.resolve(found)
  return new Promise((resolve) => {
    const stop = new AbortController()
    const finish = (value: T | null) => {
      stop.abort()
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      resolve(value)
    }
    const onAbort = () => finish(null)
    const timer = setTimeout(() => finish(null), timeoutMs)
    signal.addEventListener('abort', onAbort, { once: true })
    observeDom(root, stop.signal, () => {
      const value = find()
      if (value !== null) finish(value)
    })
  })
}
