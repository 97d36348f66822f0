/**
 * Diagnostics (#15): the extension reports where its reading of a vendor's page failed (a selector that matched
 * nothing), so support sees a vendor's redesign before customers describe it. Only the vendor, a closed kind and the
 * page's route pattern travel, never page text, record ids or a query string: the pattern's grammar cannot carry them.
 * @module
 */
import { z } from 'zod'
import { ConnectionStatus, Vendor } from './connections'
import { PAGE_PATTERN_MAX_LENGTH, PAGE_PATTERN_MAX_SEGMENTS, SELECTOR_MISS_BATCH_MAX } from './diagnostics-limits'

/**
 * What failed to match, closed so no free text can ride along:
 * - `screen_probe`: a screen recognised by its address never showed the element that proves it rendered;
 * - `badge_anchor`: a rendered job or work-ticket screen had no title to put the ProPay badge beside;
 * - `badge_row_id`: rows of a list were found but the record id of some could not be read, so they got no badge;
 * - `page_action`: a person clicked a control that looks like a watched action (e.g. "Completed") whose wording no
 *   page-action rule matches, so no page-triggered sync was asked for.
 */
export const selectorMissKinds = ['screen_probe', 'badge_anchor', 'badge_row_id', 'page_action'] as const
export const SelectorMissKind = z.enum(selectorMissKinds)
export type SelectorMissKind = z.infer<typeof SelectorMissKind>

export { PAGE_PATTERN_MAX_LENGTH, PAGE_PATTERN_MAX_SEGMENTS, SELECTOR_MISS_BATCH_MAX }

/**
 * A path segment is `:id` or a word of the route (a letter first, then letters, digits, `-`, `_`, at most 40). Three
 * digits in a row are refused: that is an id the extension should have replaced with `:id`.
 */
const SEGMENT = /^(?::id|[A-Za-z][A-Za-z0-9_-]{0,39})$/
const LOOKS_LIKE_ID = /\d{3}/

export const PagePattern = z
  .string()
  .max(PAGE_PATTERN_MAX_LENGTH, `at most ${PAGE_PATTERN_MAX_LENGTH} characters`)
  .refine((p) => p === '/' || /^(\/[^/]+)+\/?$/.test(p), 'a path starting with "/" (no query string, no "#", no empty segments), e.g. /app/work-tickets/details/:id')
  .refine((p) => p.split('/').filter(Boolean).length <= PAGE_PATTERN_MAX_SEGMENTS, `at most ${PAGE_PATTERN_MAX_SEGMENTS} segments`)
  .refine(
    (p) => p.split('/').filter(Boolean).every((s) => SEGMENT.test(s)),
    'each segment is :id or a route word (a letter, then letters, digits, - or _); no query string, spaces or other text',
  )
  .refine((p) => p.split('/').every((s) => !LOOKS_LIKE_ID.test(s)), 'replace record ids with :id')

/** The extension's manifest version: digits and dots only. */
export const ExtensionVersion = z.string().regex(/^\d{1,5}(\.\d{1,5}){0,3}$/, 'the extension version, e.g. 1.4.2')

export const SelectorMiss = z.strictObject({ vendor: Vendor, kind: SelectorMissKind, pagePattern: PagePattern })
export type SelectorMiss = z.infer<typeof SelectorMiss>

export const SelectorMissReport = z.strictObject({
  extensionVersion: ExtensionVersion,
  misses: z.array(SelectorMiss).min(1, 'send at least one miss').max(SELECTOR_MISS_BATCH_MAX, `at most ${SELECTOR_MISS_BATCH_MAX} misses per report`),
})
export type SelectorMissReport = z.input<typeof SelectorMissReport>

export const SelectorMissReportResponse = z.object({
  /** Distinct misses counted (duplicates within one report count once each, on one row). */
  recorded: z.number().int(),
})
export type SelectorMissReportResponse = z.infer<typeof SelectorMissReportResponse>

export const SelectorMissSummary = z.object({
  vendor: Vendor,
  kind: SelectorMissKind,
  pagePattern: z.string(),
  count: z.number().int(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** The extension versions that reported it, sorted. */
  extensionVersions: z.array(z.string()),
})
export type SelectorMissSummary = z.infer<typeof SelectorMissSummary>

/** What support asks about a connection first; no credentials, no settings. */
export const ConnectionFacts = z.object({
  id: z.string(),
  vendor: Vendor,
  accountLabel: z.string(),
  status: ConnectionStatus,
  paused: z.boolean(),
  frequencySeconds: z.number().int(),
  lastRunStartedAt: z.string().nullable(),
  lastRunFinishedAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
})
export type ConnectionFacts = z.infer<typeof ConnectionFacts>

export const DiagnosticsView = z.object({
  /** The backend's version, and when the cron and queue last ran (as /health). */
  backendVersion: z.string(),
  lastCronAt: z.string().nullable(),
  lastQueueAt: z.string().nullable(),
  /** Per vendor, kind and page pattern, the most recently seen first. */
  selectorMisses: z.array(SelectorMissSummary),
  connections: z.array(ConnectionFacts),
})
export type DiagnosticsView = z.infer<typeof DiagnosticsView>
