import type { PageContext } from '../../ui/panel/page-context'
import type { AspirePage, AspirePageKind } from './page-kind'

const labels: Record<AspirePageKind, string | null> = {
  job: 'Job',
  'work-ticket': 'Work ticket',
  'work-ticket-list': 'Work tickets',
  'api-admin': 'Aspire API credentials',
  other: null,
}

/** The line the panel shows about the screen it sits on, e.g. "Job 2201 · Maple Court HOA - Spring Cleanup". */
export const UNRECOGNISED_SCREEN =
  "Protiv didn't recognise this screen. Sync status and Force sync work here; ProPay badges show on jobs, work tickets and the work ticket list."

/**
 * `timedOut`: the address named a screen we know, but its content never showed what we look for (Aspire changed its
 * layout, or `selectors.ts` guessed wrong): said as such, not silently.
 */
export function describeAspirePage(page: AspirePage, timedOut = false): PageContext {
  const described = { kind: page.kind, id: page.id, label: labels[page.kind], title: page.title }
  if (page.kind === 'other') return { ...described, unrecognised: UNRECOGNISED_SCREEN }
  if (timedOut && !page.rendered) {
    return {
      ...described,
      unrecognised: `Protiv didn't recognise this screen: it looks like a ${labels[page.kind]!.toLowerCase()} screen, but not as Protiv expects, so no ProPay badge here. Sync status and Force sync still work.`,
    }
  }
  return described
}
