/**
 * Diagnostics (#15). `diagnostics:selectorMiss`: a content script's selector misses, already route patterns (the tab
 * made them, content/page-pattern.ts), posted with the extension's version; a vendor's content script may report
 * only its own vendor's misses, and nothing is sent while nobody is signed in. `diagnostics:view`: the options
 * page's admin view, one API call; the API refuses non-admins with its own message.
 * @module
 */
import { type Browser, browser } from 'wxt/browser'
import type { Messages } from '../messaging/protocol'
import { sessionItem } from '../storage/items'
import { classifySender } from './sender'
import { withApi } from './with-api'

type DiagnosticsMessage = 'diagnostics:selectorMiss' | 'diagnostics:view'
type DiagnosticsHandlers = {
  [T in DiagnosticsMessage]: (payload: Messages[T]['request'], sender?: Browser.runtime.MessageSender) => Promise<Messages[T]['response']>
}

export const diagnosticsHandlers: DiagnosticsHandlers = {
  async 'diagnostics:selectorMiss'({ misses }, sender) {
    const context = classifySender(sender)
    if (context?.kind === 'content') {
      const foreign = misses.find((m) => m.vendor !== context.vendor)
      if (foreign) throw new Error(`Refused "diagnostics:selectorMiss": the Protiv panel on ${context.name} may report only ${context.name}'s pages, not ${foreign.vendor}.`)
    }
    // Signed out: nobody to count it for. Not an error: the page must not hear about it.
    if (!(await sessionItem.getValue())) return { recorded: 0 }
    const extensionVersion = browser.runtime.getManifest().version
    return withApi((call) => call('reportSelectorMisses', { body: { extensionVersion, misses } }))
  },

  'diagnostics:view': () => withApi((call) => call('getDiagnostics')),
}
