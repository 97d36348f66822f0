/**
 * The setup most extension tests share, registered with one call inside a `describe`: before each test a
 * fresh fake browser, the background's message router listening and a signed-in session; after each, nothing
 * rendered and no fetch stub left over (unmounting first, so no poller reaches for the real network).
 * @module
 */
import { afterEach, beforeEach, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { listenForMessages } from '../background/router'
import { signIn } from './connection'
import { unmountAll } from './render'

export function signedInExtension() {
  beforeEach(async () => {
    fakeBrowser.reset()
    listenForMessages()
    await signIn()
  })
  afterEach(() => {
    unmountAll()
    vi.unstubAllGlobals()
  })
}
