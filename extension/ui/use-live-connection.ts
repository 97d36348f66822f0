import { useSignal } from '@preact/signals'
import { useEffect, useRef } from 'preact/hooks'
import type { ConnectionView } from '../../shared/api/connections'
import { send } from '../messaging/send'
import { pollDelayMs } from './connection-health'
import { startPoller } from './poller'

/**
 * A connection kept fresh while it is on screen: every 2 s during a run, every 20 s otherwise, paused in
 * hidden tabs (see `pollDelayMs` and `startPoller`). `refresh()` asks at once, e.g. after a force sync.
 */
export function useLiveConnection(initial: ConnectionView) {
  const connection = useSignal(initial)
  const error = useSignal<string | null>(null)
  const poller = useRef<{ refresh(): void } | null>(null)
  useEffect(() => {
    const stop = new AbortController()
    poller.current = startPoller({
      load: () => send('connections:get', { id: initial.id }),
      delayMs: (last, failed) => pollDelayMs(last ?? connection.peek(), failed),
      onResult: (result) => {
        if (result.ok) connection.value = result.value
        error.value = result.ok ? null : result.error
      },
      doc: document,
      signal: stop.signal,
      firstDelayMs: pollDelayMs(initial, false),
    })
    return () => stop.abort()
  }, [initial.id])
  return { connection, error, refresh: () => poller.current?.refresh() }
}
