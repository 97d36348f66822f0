/**
 * A value that tells its watchers when it changes: what content scripts need of a signal (a badge's subject, a count
 * of finished syncs), in a few lines, so the scripts on vendor pages ship without Preact or @preact/signals (#16).
 * @module
 */
export interface WatchedValue<T> {
  readonly value: T
  set(next: T): void
  /** Calls `onChange` after each `set`, until the returned function is called. */
  watch(onChange: (value: T) => void): () => void
}

export function watchedValue<T>(initial: T): WatchedValue<T> {
  let value = initial
  const watchers = new Set<(value: T) => void>()
  return {
    get value() {
      return value
    },
    set(next) {
      value = next
      // A copy: a watcher that stops watching (or adds another) while being told does not upset the loop.
      for (const onChange of [...watchers]) onChange(next)
    },
    watch(onChange) {
      // Wrapped, so the same function watching twice is two watchers, each stopped on its own.
      const watcher = (v: T) => onChange(v)
      watchers.add(watcher)
      return () => void watchers.delete(watcher)
    },
  }
}
