import { browser } from 'wxt/browser'
import { defineBackground } from 'wxt/utils/define-background'
import { forgetTab } from '../background/panel-context'
import { listenForMessages } from '../background/router'

export default defineBackground(() => {
  listenForMessages()
  // A panel frame's context is kept per tab; it goes when the tab does (no `tabs` permission needed for this event).
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId).catch(() => undefined))
})
