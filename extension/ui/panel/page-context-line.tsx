import type { PageContext } from './page-context'

/** "Job 2201 · Maple Court HOA - Spring Cleanup": which vendor screen the panel sits on. */
export function PageContextLine({ page }: { page: PageContext }) {
  if (page.unrecognised) {
    return (
      <p class="page-context muted" data-testid="panel-unrecognised" data-kind={page.kind}>
        {page.unrecognised}
      </p>
    )
  }
  if (!page.label) return null
  return (
    <p class="page-context muted" data-testid="panel-page" data-kind={page.kind} data-id={page.id ?? ''}>
      {page.label}
      {page.id ? ` ${page.id}` : ''}
      {page.title ? ` · ${page.title}` : ''}
    </p>
  )
}
