import { useSignal } from '@preact/signals'
import { useEffect, useRef } from 'preact/hooks'
import type { Loadable } from './use-message'

/**
 * Loading, failed or ready, for a view that reads something once and again after each change it makes: `load`
 * runs on mount and on `reload()`. An answer that arrives after the view is gone is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>) {
  const loaded = useSignal<Loadable<T>>({ state: 'loading' })
  const latest = useRef(load)
  latest.current = load
  const mounted = useRef(true)
  const reload = () =>
    latest.current().then(
      (value) => void (mounted.current && (loaded.value = { state: 'ready', value })),
      (err: unknown) => void (mounted.current && (loaded.value = { state: 'error', error: err instanceof Error ? err.message : String(err) })),
    )
  useEffect(() => {
    mounted.current = true
    void reload()
    return () => {
      mounted.current = false
    }
  }, [])
  return { loaded, reload }
}
