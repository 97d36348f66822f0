/**
 * Reports a selector miss (#15): the extension looked for something in the vendor's page and did not find it. The URL
 * becomes a route pattern here, in the tab (page-pattern.ts), so no record id, query string or page text leaves it;
 * each kind of miss on each pattern is reported once per tab, and misses that come together go in one message to the
 * background, which posts them to the backend (background/diagnostics-handlers.ts). Best effort: a report that
 * cannot be sent is dropped, never shown to the person using the page.
 * @module
 */
import type { Vendor } from '../../shared/api/connections'
import type { SelectorMiss, SelectorMissKind } from '../../shared/api/diagnostics'
import { SELECTOR_MISS_BATCH_MAX } from '../../shared/api/diagnostics-limits'
import { send } from '../messaging/send'
import { pagePatternOf } from './page-pattern'

/** Misses within this wait go in one message (a screen that misses usually misses several things at once). */
export const MISS_BATCH_WAIT_MS = 2000

export type SendMisses = (misses: SelectorMiss[]) => Promise<unknown>

export function createMissReporter(options: { sendMisses?: SendMisses; waitMs?: number } = {}) {
  const { sendMisses = (misses) => send('diagnostics:selectorMiss', { misses }), waitMs = MISS_BATCH_WAIT_MS } = options
  const reported = new Set<string>()
  let pending: SelectorMiss[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = () => {
    timer = undefined
    while (pending.length) {
      const batch = pending.slice(0, SELECTOR_MISS_BATCH_MAX)
      pending = pending.slice(SELECTOR_MISS_BATCH_MAX)
      sendMisses(batch).catch(() => undefined)
    }
  }

  return {
    report(vendor: Vendor, kind: SelectorMissKind, url: URL) {
      const miss: SelectorMiss = { vendor, kind, pagePattern: pagePatternOf(url) }
      const key = `${miss.vendor}|${miss.kind}|${miss.pagePattern}`
      if (reported.has(key)) return
      reported.add(key)
      // What the console warned before misses were reported, for whoever is fixing selectors locally.
      if (import.meta.env.MODE === 'development') console.warn(`[Protiv] ${kind} missed on ${vendor} ${miss.pagePattern}: check extension/vendors/${vendor}/selectors.ts.`)
      pending.push(miss)
      timer ??= setTimeout(flush, waitMs)
    },
    /** Sends what waits now (tests; a page being left). */
    flush() {
      clearTimeout(timer)
      flush()
    },
  }
}

/** This tab's reporter: a content script lives once per tab and frame, so its memory is the tab's. */
const tabReporter = createMissReporter()

export function reportSelectorMiss(vendor: Vendor, kind: SelectorMissKind, url: URL): void {
  tabReporter.report(vendor, kind, url)
}
