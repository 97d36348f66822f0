/**
 * Every fact about Buildertrend's pages the extension relies on, as data. Only `/app/...` being the UI is
 * documented (docs/vendors/buildertrend.md §2); the routes and DOM below are unverified guesses: when one is wrong, fix
 * it here and in the matching fixture under `e2e/fixtures/buildertrend/` (`detect-page.test.ts` counts each
 * probe's matches on them). The panel needs none of this to work: it docks on every page.
 * @module
 */
import type { PageSyncAction } from '../../../shared/api/connections'
import type { ScreenRule } from '../../content/page-rules'
import type { PageActionRule } from '../../content/watch-page-actions'

export const BUILDERTREND_PAGE_KINDS = ['time-clock', 'job', 'landing', 'other'] as const
export type BuildertrendPageKind = (typeof BUILDERTREND_PAGE_KINDS)[number]

const heading = 'h1, [role="heading"][aria-level="1"]'

/** Most specific first: the first rule whose path (or, failing that, probe) matches wins. */
export const buildertrendPageRules: readonly ScreenRule<Exclude<BuildertrendPageKind, 'other'>>[] = [
  { kind: 'time-clock', path: /^\/app\/time-?clock(?:\/.*)?$/i, probe: { selector: heading, text: /^\s*time\s*clock\s*$/i } },
  { kind: 'job', path: /^\/app\/job(?:s|page)?\/(\d+)(?:\/.*)?$/i, probe: { selector: '[data-testid="job-name"], .job-name' }, title: '[data-testid="job-name"], .job-name' },
  { kind: 'landing', path: /^\/app\/landing\/?$/i, probe: { selector: heading, text: /^\s*summary\s*$/i } },
]

/**
 * The clicks on buildertrend.net that change shifts, for page-triggered sync (content/watch-page-actions.ts).
 * Unverified guesses at the Time Clock's wording; a miss waits for the next scheduled cycle.
 */
export const buildertrendPageActions = [
  { action: 'shift_changed', text: /^(save|save\s+shift|clock\s+(in|out)|approve(\s+shifts?)?|delete(\s+shift)?)$/i, path: /^\/app\/time-?clock/i, near: /\b(clock\s*(in|out)|shifts?|approve)\b/i },
] as const satisfies readonly PageActionRule<PageSyncAction>[]

// Test URLs: https://buildertrend.net/app/Landing, https://buildertrend.net/app/TimeClock, https://buildertrend.net/app/JobPage/<id>
