/**
 * "Connect with this signed-in account" on buildertrend.net (#14): the background reads the site's cookies itself
 * (`cookies` permission, host `https://buildertrend.net/*` only), keeps the session ones and hands them to the backend
 * as a Buildertrend browser session, creating the connection or replacing the credentials of the existing one. The
 * values never pass through the content script or the page. Only the Buildertrend content script (a tab on
 * buildertrend.net) and the extension's own pages may ask.
 * @module
 */
import { type Browser, browser } from 'wxt/browser'
import type { ConnectionView } from '../../shared/api/connections'
import type { Messages, SessionConnectOutcome } from '../messaging/protocol'
import { refusal } from './allowed-messages'
import { connectionHandlers } from './connection-handlers'

export const BT_SITE = 'https://buildertrend.net/'
/** The cookies that carry the session (docs/vendors/buildertrend.md §16.2); the backend keeps only these too. */
export const BT_SESSION_COOKIES = ['.AspNet.Auth0', 'ASP.NET_SessionId', 'GAESA'] as const
export const NO_SESSION = 'Sign in to Buildertrend in this tab first, then choose "Connect with this signed-in account" again.'
export const NOT_ALLOWED = 'Only the Protiv panel on buildertrend.net can connect with the Buildertrend session.'

/**
 * The Buildertrend content script or one of our own pages: the router's own rule for this message, checked again here
 * because the handler reads cookies and may be reached without the router.
 */
export const maySendSession = (sender: Browser.runtime.MessageSender | undefined): boolean => refusal(sender, 'buildertrend:connectSession') === null

export async function sessionCookies(): Promise<Array<{ name: string; value: string }>> {
  const all = await browser.cookies.getAll({ url: BT_SITE })
  return all.filter((c) => (BT_SESSION_COOKIES as readonly string[]).includes(c.name)).map(({ name, value }) => ({ name, value }))
}

/** A connection whose stored session ended: the one an automatic refresh may replace. */
const sessionEnded = (c: ConnectionView) => c.status === 'relink_needed' && c.lastError?.code === 'session_expired'

/** Automatic refreshes per tab and page load: one (the panel asks once per load; a reload may ask again). */
const triedFor = new Map<string, number>()
const AUTO_GAP_MS = 60_000

async function connectSession({ auto, settings }: Messages['buildertrend:connectSession']['request'], sender?: Browser.runtime.MessageSender): Promise<SessionConnectOutcome> {
  if (!maySendSession(sender)) throw new Error(NOT_ALLOWED)
  const { connections } = await connectionHandlers['connections:list']({})
  const existing = connections.find((c) => c.vendor === 'buildertrend')
  if (auto) {
    if (!existing || !sessionEnded(existing)) return { kind: 'not_needed' }
    const key = `${sender?.tab?.id ?? 'page'}:${existing.id}`
    const last = triedFor.get(key)
    if (last !== undefined && Date.now() - last < AUTO_GAP_MS) return { kind: 'not_needed' }
    triedFor.set(key, Date.now())
  }
  const cookies = await sessionCookies()
  if (!cookies.some((c) => c.name === '.AspNet.Auth0') || !cookies.some((c) => c.name === 'ASP.NET_SessionId')) return { kind: 'no_session', message: NO_SESSION }
  const credentials = { kind: 'browser_session', cookies }
  if (existing) return { kind: 'reconnected', connection: await connectionHandlers['connections:update']({ id: existing.id, patch: { credentials } }) }
  if (!settings) throw new Error('Choose the sync start date first.')
  return { kind: 'connected', connection: await connectionHandlers['connections:create']({ vendor: 'buildertrend', credentials, settings }) }
}

export const buildertrendSessionHandlers = { 'buildertrend:connectSession': connectSession }
