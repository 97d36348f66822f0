/**
 * One line per vendor content script: watch the page for the vendor's sync actions and ask for a page-triggered sync
 * when one happens, for as long as the content script lives.
 * @module
 */
import type { PageSyncAction, Vendor } from '../../shared/api/connections'
import { reportSelectorMiss } from './report-selector-miss'
import { requestPageSync } from './request-page-sync'
import { type PageActionRule, watchPageActions } from './watch-page-actions'

export function followPageActions(options: {
  vendor: Vendor
  rules: readonly PageActionRule<PageSyncAction>[]
  signal: AbortSignal
  /** The vendor's id of the record on screen, for the run's log (e.g. the work ticket's). */
  recordId?: () => string | null
  doc?: Document
}): void {
  const { vendor, rules, signal, recordId = () => null, doc = document } = options
  watchPageActions({
    doc,
    signal,
    rules,
    onAction: (action) => {
      requestPageSync(vendor, action, recordId()).catch((err: Error) => console.warn(`[Protiv] Could not ask for a sync after "${action}": ${err.message}`))
    },
    // Wording near a watched action's: the rule in selectors.ts probably needs the vendor's new words.
    onNearMiss: () => reportSelectorMiss(vendor, 'page_action', new URL(doc.location?.href ?? location.href)),
  })
}
