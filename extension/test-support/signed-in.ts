/**
 * The setup most extension tests share, registered with one call inside a `describe`: before each test a
 * fresh fake browser, the background's message router listening and a signed-in session; after each, nothing
 * rendered and no fetch stub left over (unmounting first, so no poller reaches for the real network). Messages come
 * from `sender`: the options page unless the test renders a vendor panel and says which content script it is in.
 * @module
 */
import { afterEach, beforeEach, vi } from 'vitest'
import type { Browser } from 'wxt/browser'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { listenForMessages } from '../background/router'
import { signIn } from './connection'
import { unmountAll } from './render'
import { extensionPage, messagesFrom } from './sender'

export function signedInExtension(sender: () => Browser.runtime.MessageSender = () => extensionPage()) {
  beforeEach(async () => {
    fakeBrowser.reset()
    messagesFrom(sender())
    listenForMessages()
    await signIn()
  })
  afterEach(() => {
    unmountAll()
    vi.unstubAllGlobals()
    vi.unstubAllEnvs()
  })
}
