/**
 * Which ExakTime Connect screen a document shows, and what the panel says about it. Pure.
 * @module
 */
import { type DetectedScreen, detectScreen, screenKey } from '../../content/page-rules'
import type { PageContext } from '../../ui/panel/page-context'
import { companyIdFromHostname } from './company-id'
import { type ExakTimePageKind, exaktimePageRules } from './selectors'

export interface ExakTimePage extends DetectedScreen<Exclude<ExakTimePageKind, 'other'>> {
  /** From the page's subdomain: what the connect form prefills. */
  companyId: string | null
}

export function detectExakTimePage(url: URL, doc: Document): ExakTimePage {
  return { ...detectScreen(exaktimePageRules, url, doc), companyId: companyIdFromHostname(url.hostname) }
}

export const exaktimePageKey = (url: URL) => screenKey(exaktimePageRules, url)

const labels: Record<ExakTimePageKind, string> = { 'sign-in': 'Sign-in', 'time-cards': 'Time cards', reports: 'Reports', other: 'ExakTime Connect' }

/** "Time cards · company acme": the line the panel shows about the screen it sits on. */
export function describeExakTimePage(page: ExakTimePage): PageContext {
  return { kind: page.kind, id: null, label: labels[page.kind], title: page.companyId ? `company ${page.companyId}` : null, account: page.companyId }
}
