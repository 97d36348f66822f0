/**
 * Senders for the fake browser. Its `runtime.sendMessage` passes an empty sender, which the background refuses (#15),
 * so tests say who is asking: one of our pages, a vendor's content script, another extension. `messagesFrom` makes
 * every `send()` in the test come from that sender; `deliverFrom` hands the router one raw message.
 * @module
 */
import type { Browser } from 'wxt/browser'
import { fakeBrowser } from 'wxt/testing/fake-browser'

type Sender = Browser.runtime.MessageSender

/** The popup or options page (opened in a tab when `inTab`, as `openOptionsPage` may). */
export const extensionPage = (path = '/options.html', inTab = false): Sender => {
  const url = fakeBrowser.runtime.getURL(path as '/')
  return { id: fakeBrowser.runtime.id, url, ...(inTab ? { tab: { id: 3, url } as Browser.tabs.Tab } : {}) }
}

/** Our content script in a tab showing `url` (top frame). */
export const contentScriptOn = (url: string): Sender => ({ id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: 7, url } as Browser.tabs.Tab })

/** Another extension's page: same shape as ours, another id. */
export const foreignExtension = (): Sender => ({ id: 'someone-else', url: 'chrome-extension://someone-else/page.html' })

/** Delivers `message` to the background's listeners as if `sender` sent it; resolves with the reply (undefined: none). */
export async function deliverFrom(sender: Sender, message: unknown): Promise<unknown> {
  let answer!: (reply: unknown) => void
  const reply = new Promise<unknown>((resolve) => (answer = resolve))
  const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender, answer)
  // As Chrome: a listener that returned `true` answers (perhaps later); otherwise nobody does.
  return results.some((r) => r === true) ? reply : undefined
}

/** From now on (until the next call) every `runtime.sendMessage` in this test file arrives from `sender`. */
export function messagesFrom(sender: Sender | (() => Sender)) {
  const who = typeof sender === 'function' ? sender : () => sender
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => deliverFrom(who(), message)) as typeof fakeBrowser.runtime.sendMessage
}

/**
 * Our panel frame (`panel.html`, an extension page) inside the vendor tab showing `url` (#15): where the connect forms,
 * status and breakdown now run. Chrome gives such frames `sender.tab` (the vendor tab) and their own URL.
 */
export const panelFrameIn = (url: string, page = '/panel.html'): Sender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL(page as '/'),
  frameId: 5,
  tab: { id: 7, url } as Browser.tabs.Tab,
})
