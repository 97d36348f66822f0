import { type Browser, browser } from 'wxt/browser'
import type { MessageType, Reply } from '../messaging/protocol'
import { moveLegacySession } from '../storage/items'
import { refusal } from './allowed-messages'
import { handlers } from './handlers'

type Handler = (payload: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>

/** Own properties only: a type like `constructor` or `__proto__` names no handler. */
const handlerFor = (type: string): Handler | undefined => (Object.hasOwn(handlers, type) ? (handlers[type as MessageType] as Handler) : undefined)

const refuse = (sendResponse: (reply: Reply<MessageType>) => void, error: string) => {
  sendResponse({ ok: false, error })
  // Answered already; `true` as for every answered message (the fake browser in tests waits only then).
  return true
}

/**
 * Answers the extension's own pages and content scripts, each only with what it may ask (allowed-messages.ts).
 * `runtime.onMessage` should never receive other extensions' or web pages' messages (those arrive on
 * `onMessageExternal`, which we don't listen to), but the sender is checked anyway: the check is cheap, the
 * background holds the token.
 */
export function listenForMessages() {
  // Every answer waits for a session kept by an older version to move out of storage.local (once per worker start:
  // one read when there is nothing to move), so nobody is shown signed out in between.
  const ready = moveLegacySession().catch((err: unknown) => console.error('[Protiv] Could not move the stored session:', err))
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Not an envelope at all: not ours to answer.
    if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string') return false
    const { type, payload } = message as { type: string; payload: unknown }
    // The sender first: whoever is not ours learns nothing, not even which types exist.
    const refused = refusal(sender, type)
    if (refused) return refuse(sendResponse, refused)
    const handler = handlerFor(type)
    if (!handler) return refuse(sendResponse, `Unknown message "${type}": the background answers only the types in extension/messaging/protocol.ts.`)
    // The sender goes along for handlers that answer only some senders (buildertrend:connectSession).
    ready.then(() => handler(payload, sender)).then(
      (data) => sendResponse({ ok: true, data } as Reply<MessageType>),
      (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies Reply<MessageType>),
    )
    return true
  })
}
