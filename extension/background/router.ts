import { type Browser, browser } from 'wxt/browser'
import type { Envelope, MessageType, Reply } from '../messaging/protocol'
import { handlers } from './handlers'

const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' && value !== null && typeof (value as Envelope).type === 'string' && (value as Envelope).type in handlers

/**
 * Answers the extension's own pages and content scripts (`runtime.onMessage` never receives other
 * extensions' or web pages' messages: those would arrive on `onMessageExternal`, which we don't listen to).
 */
export function listenForMessages() {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isEnvelope(message)) return false
    // The sender goes along for handlers that answer only some senders (buildertrend:connectSession).
    const handler = handlers[message.type] as (payload: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>
    handler(message.payload, sender).then(
      (data) => sendResponse({ ok: true, data } as Reply<MessageType>),
      (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies Reply<MessageType>),
    )
    return true
  })
}
