import { browser } from 'wxt/browser'
import type { Envelope, MessageType, Messages, Reply } from './protocol'

/** Asks the background; a failure there arrives here as an Error with the background's message. */
export async function send<T extends MessageType>(type: T, payload: Messages[T]['request']): Promise<Messages[T]['response']> {
  const envelope: Envelope<T> = { type, payload }
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<T> | undefined
  if (!reply) throw new Error('The Protiv extension did not answer. Reload the page.')
  if (!reply.ok) throw new Error(reply.error)
  return reply.data
}
