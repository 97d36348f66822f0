import { describe, expect, it } from 'vitest'
import { missingBadgeSpot } from './badge-spots'
import { detectAspirePage } from './detect-page'
import { ASPIRE_FIXTURES, type FixtureName, loadAspireFixture } from './fixtures'

const screen = (name: FixtureName, edit?: (doc: Document) => void) => {
  const doc = loadAspireFixture(name)
  edit?.(doc)
  return { doc, page: detectAspirePage(new URL(ASPIRE_FIXTURES[name].url), doc) }
}

describe('missingBadgeSpot', () => {
  it.each(['work-ticket', 'job', 'work-ticket-list', 'api-admin'] as const)('should find nothing missing on the %s fixture', (name) => {
    const { doc, page } = screen(name)
    expect(missingBadgeSpot(page, doc)).toBeNull()
  })

  it('should say the title is missing when a job screen has none to put the badge beside', () => {
    const { doc, page } = screen('job', (d) => d.querySelectorAll('h1').forEach((h) => h.remove()))
    expect(page.kind).toBe('job')
    expect(missingBadgeSpot(page, doc)).toBe('badge_anchor')
  })

  it('should say rows lack an id when the list links and row ids change shape, but not for a one-cell "no results" row', () => {
    const renamed = screen('work-ticket-list', (d) =>
      d.querySelectorAll('tbody tr').forEach((tr) => {
        tr.removeAttribute('data-row-id')
        tr.querySelectorAll('a').forEach((a) => a.setAttribute('href', '/app/tickets/view?ref=10452'))
      }),
    )
    expect(missingBadgeSpot(renamed.page, renamed.doc)).toBe('badge_row_id')
    const empty = screen('work-ticket-list', (d) => (d.querySelector('tbody')!.innerHTML = '<tr><td colspan="5">No work tickets match</td></tr>'))
    expect(missingBadgeSpot(empty.page, empty.doc)).toBeNull()
  })
})
