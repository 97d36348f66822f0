/**
 * Every fact about ExakTime Connect's pages the extension relies on, as data. ExakTime's routes and DOM are
 * unverified (no captured page yet): when a guess is wrong, fix it here and in the matching fixture under
 * `e2e/fixtures/exaktime/`; `detect-page.test.ts` counts each probe's matches on them. The panel itself
 * needs none of this to work: it docks on every ExakTime page and only describes the screen.
 * @module
 */
import type { PageSyncAction } from '../../../shared/api/connections'
import type { ScreenRule } from '../../content/page-rules'
import type { PageActionRule } from '../../content/watch-page-actions'

export const EXAKTIME_PAGE_KINDS = ['sign-in', 'time-cards', 'reports', 'other'] as const
export type ExakTimePageKind = (typeof EXAKTIME_PAGE_KINDS)[number]

const heading = 'h1, [role="heading"][aria-level="1"]'

/** Most specific first: the first rule whose path (or, failing that, probe) matches wins. */
export const exaktimePageRules: readonly ScreenRule<Exclude<ExakTimePageKind, 'other'>>[] = [
  { kind: 'sign-in', path: /^\/(?:account\/)?(?:login|sign-?in)\/?$/i, probe: { selector: 'form input[type="password"]' } },
  { kind: 'time-cards', path: /^\/(?:app\/)?time-?cards?\/?$/i, probe: { selector: heading, text: /^\s*time\s*cards?\s*$/i }, title: heading },
  { kind: 'reports', path: /^\/(?:app\/)?reports?(?:\/.*)?$/i, probe: { selector: heading, text: /^\s*reports?\s*$/i }, title: heading },
]

/**
 * The clicks in ExakTime Connect that finalize time, for page-triggered sync (content/watch-page-actions.ts): we
 * import finalized time only, so an approval is what makes new time ours. Unverified guesses at the wording.
 */
export const exaktimePageActions = [
  { action: 'time_approved', text: /^(approve|finalize)(\s+(time|selected|all|time\s*cards?))?$/i, near: /\b(approv|finaliz)/i },
] as const satisfies readonly PageActionRule<PageSyncAction>[]

// Test URLs: https://acme.exaktime.com/login, https://acme.exaktime.com/app/timecards, https://acme.exaktime.com/app/reports
