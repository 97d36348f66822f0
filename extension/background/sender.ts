/**
 * Who is asking the background (#15): one of the extension's own pages (popup, options), the content script of one
 * vendor (recognised by the same match patterns that inject it), or nobody we answer. Decided from what Chrome itself
 * fills in (`sender.id`, `sender.url`), never from anything in the message.
 * @module
 */
import { type Browser, browser } from 'wxt/browser'
import type { Vendor } from '../../shared/api/connections'
import { aspireSite } from '../vendors/aspire/site'
import { buildertrendSite } from '../vendors/buildertrend/site'
import { exaktimeSite } from '../vendors/exaktime/site'
import { matchesPattern } from './match-pattern'

export type SenderContext = { kind: 'page' } | { kind: 'content'; vendor: Vendor; name: string }

/** Typed over `Vendor`: a vendor added to the API contract without its site here fails to compile. */
const sites: { readonly [V in Vendor]: { readonly vendor: V; readonly name: string; readonly matches: readonly string[] } } = {
  aspire: aspireSite,
  buildertrend: buildertrendSite,
  exaktime: exaktimeSite,
}

/**
 * Classifies a sender; null for anything that is neither our page nor our content script on a vendor site (another
 * extension, a sender without an id or URL, a page of ours we did not expect to talk).
 */
export function classifySender(sender: Browser.runtime.MessageSender | undefined): SenderContext | null {
  if (!sender || sender.id !== browser.runtime.id) return null
  // `sender.url` is the frame that sent it: an extension page (even one opened in a tab) or the vendor page a
  // content script runs in. Content scripts never run on our own pages, so the origin alone tells them apart.
  const raw = sender.url ?? sender.tab?.url
  if (!raw) return null
  if (raw.startsWith(browser.runtime.getURL('/'))) return { kind: 'page' }
  if (!sender.tab) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  for (const site of Object.values(sites)) {
    if (site.matches.some((pattern) => matchesPattern(pattern, url))) return { kind: 'content', vendor: site.vendor, name: site.name }
  }
  return null
}
