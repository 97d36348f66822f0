import { send } from '../messaging/send'
import type { PanelContext } from '../messaging/protocol'
import type { PageContext } from '../ui/panel/page-context'

/**
 * Reports the screen the panel frame sits on to the background, which keeps it for the frame (#15); the same context
 * twice in a row is sent once. Resolves when the background has stored it, so a frame mounted afterwards finds it.
 */
export function panelContextReporter(onError: (err: unknown) => void = (err) => console.error('[Protiv] Could not update the panel:', err)) {
  let last = ''
  return async (layout: PanelContext['layout'], page: PageContext): Promise<void> => {
    const key = JSON.stringify([layout, page])
    if (key === last) return
    last = key
    await send('panel:setContext', { layout, page }).catch((err: unknown) => {
      last = ''
      onError(err)
    })
  }
}
