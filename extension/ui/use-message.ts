import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { send } from '../messaging/send'
import type { MessageType, Messages } from '../messaging/protocol'

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: string }

/**
 * Asks the background once, then every `intervalMs` while the page is visible (hidden tabs don't poll, so
 * an open panel never hammers the API).
 */
export function useMessage<T extends MessageType>(type: T, payload: Messages[T]['request'], intervalMs?: number) {
  const result = useSignal<Loadable<Messages[T]['response']>>({ state: 'loading' })
  useEffect(() => {
    let stopped = false
    const load = () => {
      if (document.visibilityState === 'hidden') return
      send(type, payload).then(
        (value) => !stopped && (result.value = { state: 'ready', value }),
        (err: Error) => !stopped && (result.value = { state: 'error', error: err.message }),
      )
    }
    load()
    const timer = intervalMs ? setInterval(load, intervalMs) : undefined
    document.addEventListener('visibilitychange', load)
    return () => {
      stopped = true
      clearInterval(timer)
      document.removeEventListener('visibilitychange', load)
    }
  }, [type])
  return result
}
