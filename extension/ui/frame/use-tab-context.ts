import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import type { PanelContext } from '../../messaging/protocol'
import { send } from '../../messaging/send'
import { panelContextItem } from '../../storage/items'

export type TabContext = { state: 'loading' } | { state: 'none' } | { state: 'ready'; context: PanelContext } | { state: 'error'; error: string }

/**
 * The context of the tab this frame sits in (#15), from the background, never from the page: asked once (the
 * background knows the frame's tab from `sender.tab`), then followed in `storage.session`, where the background keeps
 * what the content script reports. The frame stays mounted across in-app navigation; only this changes.
 */
export function useTabContext() {
  const result = useSignal<TabContext>({ state: 'loading' })
  useEffect(() => {
    let unwatch = () => {}
    let stopped = false
    const show = (context: PanelContext | null) => !stopped && (result.value = context ? { state: 'ready', context } : { state: 'none' })
    send('panel:context', {}).then(
      ({ tabId, context }) => {
        if (stopped) return
        show(context)
        unwatch = panelContextItem(tabId).watch((next) => show(next))
      },
      (err: Error) => !stopped && (result.value = { state: 'error', error: err.message }),
    )
    return () => {
      stopped = true
      unwatch()
    }
  }, [])
  return result
}
