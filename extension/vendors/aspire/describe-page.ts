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
export function describeAspirePage(page: AspirePage): PageContext {
  return { kind: page.kind, id: page.id, label: labels[page.kind], title: page.title }
}
