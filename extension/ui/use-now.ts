import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'

/**
 * The current time, updated every `intervalMs`, so relative times ("2 min ago") and countdowns tick. Only
 * the components that read it re-render, and the interval stops when they unmount.
 */
export function useNow(intervalMs = 1000) {
  const now = useSignal(Date.now())
  useEffect(() => {
    const timer = setInterval(() => (now.value = Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
