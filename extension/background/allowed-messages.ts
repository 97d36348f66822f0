/**
 * Which messages the background answers from whom (#15). The extension's own pages, the panel and breakdown frames
 * included, may ask anything; a vendor's content script only what it sends itself (grep `send(` under
 * `extension/content/` and `extension/entrypoints/<vendor>.content/`). Signing in or out, which also sets
 * the backend address, stays with our pages: a compromised vendor page must not point the extension elsewhere.
 * @module
 */
import { type Browser, browser } from 'wxt/browser'
import type { Vendor } from '../../shared/api/connections'
import type { MessageType } from '../messaging/protocol'
import { classifySender } from './sender'

/**
 * What every vendor's content script sends since the panel moved into an extension frame (#15; the frame is one of
 * our pages and asks for itself): the screen its panel frame sits on, and the page-triggered sync of an action seen
 * in the page (content/follow-page-actions.ts), and what it looked for in the page and did not find
 * (content/report-selector-miss.ts). Connecting, force sync, pause and the rest are no longer a content
 * script's to ask.
 */
const contentScript = ['panel:setContext', 'sync:pageAction', 'diagnostics:selectorMiss'] as const

export const contentScriptMessages: { readonly [V in Vendor]: ReadonlySet<MessageType> } = {
  // The ProPay badges on work tickets and opportunities (who may see them, their status, hours and pool), and opening
  // a badge's breakdown, which shows in its own extension frame (wages and shares never reach the page).
  aspire: new Set([...contentScript, 'auth:state', 'propay:forJob', 'propay:forTickets', 'panel:openBreakdown']),
  buildertrend: new Set(contentScript),
  exaktime: new Set(contentScript),
}

// A Map, not an object: a type named `constructor` must find nothing here either.
const PAGE_ONLY_HINT = new Map<string, string>([
  ['auth:signIn', 'Refused "auth:signIn": sign in (and choose the backend address) on the Protiv Connect options page, not from a vendor page.'],
  ['auth:signOut', 'Refused "auth:signOut": sign out on the Protiv Connect options page, not from a vendor page.'],
  ['organization:update', 'Refused "organization:update": change the organisation\'s settings on the Protiv Connect options page, not from a vendor page.'],
])

/** Why `sender` may not send `type`, in words a developer can act on; null when it may. */
export function refusal(sender: Browser.runtime.MessageSender | undefined, type: string): string | null {
  if (!sender || sender.id !== browser.runtime.id) {
    return `Refused "${type}": Protiv Connect answers only its own pages and panels, not other extensions or web pages.`
  }
  const context = classifySender(sender)
  if (!context) {
    return `Refused "${type}": the sender (${sender.url ?? 'no URL'}) is neither a Protiv Connect page nor its panel on a vendor site (extension/vendors/*/site.ts).`
  }
  if (context.kind === 'page' || contentScriptMessages[context.vendor].has(type as MessageType)) return null
  return (
    PAGE_ONLY_HINT.get(type) ??
    `Refused "${type}": the Protiv panel on ${context.name} may not send it. If that panel now needs it, add it to contentScriptMessages in extension/background/allowed-messages.ts.`
  )
}
