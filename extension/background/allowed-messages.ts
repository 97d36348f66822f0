/**
 * Which messages the background answers from whom (#15). The extension's own pages may ask anything; a vendor's
 * content script only what the panels it mounts send (grep `send(` under `extension/vendors/<vendor>/`, the shared
 * panel in `extension/ui/panel/` and `extension/entrypoints/<vendor>.content/`). Signing in or out, which also sets
 * the backend address, stays with our pages: a compromised vendor page must not point the extension elsewhere.
 * @module
 */
import { type Browser, browser } from 'wxt/browser'
import type { Vendor } from '../../shared/api/connections'
import type { MessageType } from '../messaging/protocol'
import { classifySender } from './sender'

/**
 * What every vendor's content script sends: ProtivPanel, VendorConnection with its status and force sync, the connect
 * form, and the page-triggered sync of an action seen in the page (content/follow-page-actions.ts).
 */
const panel = ['backend:status', 'auth:state', 'connections:list', 'connections:get', 'connections:forceSync', 'connections:create', 'sync:pageAction', 'review:open'] as const

export const contentScriptMessages: { readonly [V in Vendor]: ReadonlySet<MessageType> } = {
  // Reconnect form and Pause/Resume; the ProPay badges and their breakdown dialog (approve included) on work tickets and opportunities.
  aspire: new Set([...panel, 'connections:update', 'propay:forJob', 'propay:forTickets', 'propay:get', 'propay:approve']),
  // No Reconnect form: an ended session is replaced through the session connect, which the background carries out
  // itself; connections:update is the panel's Pause/Resume.
  buildertrend: new Set([...panel, 'buildertrend:connectSession', 'connections:update']),
  exaktime: new Set([...panel, 'connections:update']),
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
