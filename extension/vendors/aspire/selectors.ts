/**
 * Every fact about Aspire's pages the extension relies on, as data: URL patterns, the element that proves a
 * screen has rendered, where its title and id are, and where the panel goes. Aspire's routes and DOM are
 * unverified (no captured page yet), so when a screen changes or a guess is wrong, fix it here and in the
 * matching fixture under `e2e/fixtures/aspire/`; `detect-page.test.ts` counts each selector's matches on them.
 * @module
 */
import type { PageSyncAction } from '../../../shared/api/connections'
import type { PageActionRule } from '../../content/watch-page-actions'
import type { AspirePageKind } from './page-kind'

/** An element, optionally with text matching a pattern (CSS cannot match text). */
export interface ContentProbe {
  selector: string
  text?: RegExp
}

export interface MountRule {
  layout: 'dock' | 'inline'
  /** For `inline`: the element to place the panel next to. A dock always goes at the end of `<body>`. */
  selector?: string
  append?: 'before' | 'after' | 'first' | 'last'
}

export interface PageRule {
  kind: Exclude<AspirePageKind, 'other'>
  /** Matched against the URL's pathname; group 1, when present, is the id. */
  path: RegExp
  /** Present once the screen has rendered; also identifies it when the URL is not one we know. */
  probe: ContentProbe
  /** Group 1 is the id as the page shows it; checked against the URL's so an old screen is not mistaken for the new one. */
  idInProbeText?: RegExp
  /** The page text to show in the panel, if any. */
  title?: string
  mount: MountRule
}

const heading = 'h1, [role="heading"][aria-level="1"]'

/** Most specific first: the first rule whose path (or, failing that, probe) matches wins. */
export const aspirePageRules: readonly PageRule[] = [
  {
    kind: 'work-ticket',
    // Seen in the wild for other modules: /app/<module>/details/<id>; both shapes are accepted.
    path: /^\/app\/work-?tickets\/(?:details\/)?(\d+)\/?$/i,
    probe: { selector: heading, text: /^\s*work\s*ticket\s*#?\s*\d+/i },
    idInProbeText: /work\s*ticket\s*#?\s*(\d+)/i,
    mount: { layout: 'dock' },
  },
  {
    kind: 'job',
    path: /^\/app\/opportunities\/(?:details\/)?(\d+)\/?$/i,
    probe: { selector: 'dt, label, th', text: /^\s*opportunity\s+name\s*$/i },
    title: heading,
    mount: { layout: 'dock' },
  },
  {
    kind: 'work-ticket-list',
    path: /^\/app\/work-?tickets\/?$/i,
    probe: { selector: heading, text: /^\s*work\s*tickets\s*$/i },
    mount: { layout: 'dock' },
  },
  {
    kind: 'api-admin',
    path: /^\/app\/admin(?:istration)?\/(?:application\/)?api\/?$/i,
    probe: { selector: heading, text: /^\s*api(\s+credentials)?\s*$/i },
    // Right above the list of API credentials, where the admin creates the Client ID and Secret.
    mount: { layout: 'inline', selector: '.search-list', append: 'before' },
  },
]

/**
 * Where ProPay badges go: right after the screen's title on a job or work ticket, and in the ticket-number cell of
 * each row of the work ticket list (the row's id is read from its link to the ticket, else its `data-row-id`).
 */
export const propayBadgeRules = {
  title: { selector: heading, append: 'after' },
  listRow: {
    selector: 'table.search-results tbody tr, [role="row"][data-row-id]',
    idLink: 'a[href*="work-tickets/" i], a[href*="worktickets/" i]',
    idInHref: /\/work-?tickets\/(?:details\/)?(\d+)/i,
    idAttribute: 'data-row-id',
    cell: 'td, [role="cell"], [role="gridcell"]',
  },
} as const

/**
 * The clicks in Aspire that change data we sync, for page-triggered sync (content/watch-page-actions.ts). Unverified
 * like the rest of this file: the button texts are guesses at Aspire's wording. A miss only means the change waits
 * for the next scheduled cycle; a false match costs one cheap incremental sync. A click on `near` wording that `text`
 * refuses is reported as a selector miss (diagnostics), so a changed wording shows up before anyone complains.
 */
export const aspirePageActions = [
  { action: 'work_ticket_completed', text: /^(mark\s+(as\s+)?)?complete(\s+(work\s*)?tickets?)?$/i, path: /\/work-?tickets/i, near: /\bcomplet/i },
  { action: 'time_changed', text: /^(approve|save|submit)(\s+(time|hours|timesheets?|time\s+entr(y|ies)))?$/i, path: /\/(work-?tickets|time)/i, near: /\b(approve|submit)\b/i },
  { action: 'material_changed', text: /^(allocate|save\s+allocations?|add\s+materials?)$/i, path: /\/(work-?tickets|materials?|inventory)/i, near: /\ballocat/i },
] as const satisfies readonly PageActionRule<PageSyncAction>[]

/** How long a known screen may take to render before the panel docks without it. */
export const RENDER_TIMEOUT_MS = 8_000

// Test URLs: https://cloud.youraspire.com/app/work-tickets, https://cloud.youraspire.com/app/work-tickets/details/<id>,
// https://cloud.youraspire.com/app/opportunities/details/<id>, Administration → Application → API
