/**
 * Opens a badge's ProPay breakdown (workers' wages and bonus shares) in an extension-origin iframe over the vendor's
 * page (#15): the figures render only inside `breakdown.html`, which reads what to show from the background, so they
 * never enter the page's DOM. The frame posts "close" (Close, Escape, a click outside its dialog) and its height;
 * only messages from its own window and our origin count (content/frame-messages.ts).
 * @module
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe'
import { browser } from 'wxt/browser'
import type { ProPaySummary } from '../../../shared/api/propays'
import { extensionOrigin, listenToFrame, setImportant } from '../../content/frame-messages'
import { send } from '../../messaging/send'
import { FRAME_ATTRIBUTE } from './mount-panel-frame'

let current: (() => void) | null = null

/** Shows the breakdown of `propays`; `onClosed` runs once when it goes (closed, replaced or invalidated). */
export async function openBreakdownFrame(ctx: ContentScriptContext, propays: ProPaySummary[], onClosed: () => void, doc: Document = document): Promise<void> {
  current?.()
  await send('panel:openBreakdown', { propays })
  if (ctx.isInvalid) return
  const origin = extensionOrigin(browser.runtime.getURL('/'))
  const stop = new AbortController()
  const ui = createIframeUi(ctx, {
    page: '/breakdown.html',
    position: 'inline',
    anchor: doc.body,
    append: 'last',
    onMount: (wrapper, iframe) => {
      wrapper.setAttribute(FRAME_ATTRIBUTE, 'breakdown-overlay')
      setImportant(wrapper, {
        position: 'fixed', inset: '0', 'z-index': '2147483001', display: 'flex', 'align-items': 'center', 'justify-content': 'center',
        background: 'rgba(15, 23, 42, .35)',
      })
      iframe.setAttribute(FRAME_ATTRIBUTE, 'breakdown')
      iframe.title = 'ProPay breakdown'
      setImportant(iframe, {
        display: 'block', width: 'min(560px, calc(100vw - 32px))', height: '120px', 'max-height': 'calc(100vh - 32px)', border: '0',
        'border-radius': '10px', background: '#fff', 'box-shadow': '0 12px 32px rgba(15, 23, 42, .25)',
      })
      listenToFrame(iframe, origin, stop.signal, (message) => {
        if (message.protiv === 'height') iframe.style.setProperty('height', `${message.height}px`, 'important')
        if (message.protiv === 'close') close()
      })
      // A click on the dimmed page around the frame closes it, as a click outside a dialog does.
      wrapper.addEventListener('click', (event) => event.target === wrapper && close(), { signal: stop.signal })
      iframe.addEventListener('load', () => iframe.focus(), { signal: stop.signal })
    },
    onRemove: () => stop.abort(),
  })
  let closed = false
  const close = () => {
    if (closed) return
    closed = true
    if (current === close) current = null
    ui.remove()
    onClosed()
  }
  ctx.onInvalidated(close)
  current = close
  ui.mount()
}
