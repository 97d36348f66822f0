/**
 * The hand-off between a vendor's content script and the panel frame it mounts (#15). The frame is an extension page
 * inside the vendor's tab, so it must not learn its context from the page (the page could post anything to it): the
 * content script reports the screen here, keyed by `sender.tab.id`, and the frame reads its own tab's entry (extension
 * frames in a tab carry `sender.tab` too) and watches it in `storage.session`, which only trusted contexts can read.
 * Kept in storage, not memory, because the service worker stops when idle. One entry per tab: content scripts run in
 * the top frame only (the manifest's default), so a tab has at most one panel.
 * @module
 */
import type { Browser } from 'wxt/browser'
import { z } from 'zod'
import { ProPaySummary } from '../../shared/api/propays'
import type { Messages } from '../messaging/protocol'
import { panelBreakdownItem, panelContextItem } from '../storage/items'
import { classifySender } from './sender'

/** Page-read text (titles, labels) is capped: it is shown as text, and a page must not fill the session area. */
const text = z.string().max(500)
const PageContextSchema = z.object({
  kind: z.string().max(64),
  id: text.nullable(),
  label: text.nullable(),
  title: text.nullable(),
  unrecognised: text.optional(),
  account: text.nullable().optional(),
})
const SetContextSchema = z.object({ layout: z.enum(['dock', 'inline']), page: PageContextSchema })
const OpenBreakdownSchema = z.object({ propays: z.array(ProPaySummary).min(1).max(50) })


/** The vendor and tab of a content script; throws for anyone else (the router already refused other senders). */
function contentScriptTab(sender: Browser.runtime.MessageSender | undefined) {
  const who = classifySender(sender)
  const tabId = sender?.tab?.id
  if (who?.kind !== 'content' || tabId === undefined || !sender?.url) throw new Error('Only the Protiv content script on a vendor page reports its screen.')
  return { vendor: who.vendor, tabId, host: new URL(sender.url).hostname }
}

/** The tab of a panel frame: one of our pages, loaded inside a tab. */
function frameTab(sender: Browser.runtime.MessageSender | undefined) {
  const tabId = sender?.tab?.id
  if (classifySender(sender)?.kind !== 'page' || tabId === undefined) throw new Error('Only a Protiv panel frame inside a vendor tab asks for its context.')
  return tabId
}

const parse = <T,>(schema: z.ZodType<T>, payload: unknown, what: string): T => {
  const parsed = schema.safeParse(payload)
  if (!parsed.success) throw new Error(`Refused ${what}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'} ${i.message}`).join('; ')}`)
  return parsed.data
}

type PanelHandlers = {
  [T in 'panel:setContext' | 'panel:context' | 'panel:openBreakdown' | 'panel:breakdown']: (
    payload: Messages[T]['request'],
    sender?: Browser.runtime.MessageSender,
  ) => Promise<Messages[T]['response']>
}

export const panelContextHandlers: PanelHandlers = {
  async 'panel:setContext'(payload, sender) {
    const { vendor, tabId, host } = contentScriptTab(sender)
    const { layout, page } = parse(SetContextSchema, payload, 'the panel context')
    await panelContextItem(tabId).setValue({ vendor, layout, page: { ...page, host } })
    return { stored: true }
  },
  async 'panel:context'(_payload, sender) {
    const tabId = frameTab(sender)
    return { tabId, context: await panelContextItem(tabId).getValue() }
  },
  async 'panel:openBreakdown'(payload, sender) {
    const { tabId } = contentScriptTab(sender)
    await panelBreakdownItem(tabId).setValue(parse(OpenBreakdownSchema, payload, 'the breakdown').propays)
    return { stored: true }
  },
  async 'panel:breakdown'(_payload, sender) {
    return { propays: await panelBreakdownItem(frameTab(sender)).getValue() }
  },
}

/** A closed tab's entries go with it (the session area is also cleared when Chrome restarts). */
export async function forgetTab(tabId: number): Promise<void> {
  await Promise.all([panelContextItem(tabId).removeValue(), panelBreakdownItem(tabId).removeValue()])
}
