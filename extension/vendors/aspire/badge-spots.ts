/**
 * Where the ProPay badges go on an Aspire screen, read from the page by the rules in `selectors.ts`. Pure: give it
 * any document (a fixture in tests, the live page in the content script).
 * @module
 */
import type { SelectorMissKind } from '../../../shared/api/diagnostics'
import type { BadgeSpot } from '../../content/watch-badge-spots'
import type { AspirePage } from './page-kind'
import { propayBadgeRules } from './selectors'

/** The screen's title, once, for a job or work ticket with a known id. */
export function titleSpot(page: AspirePage, doc: Document): BadgeSpot[] {
  if ((page.kind !== 'job' && page.kind !== 'work-ticket') || !page.id) return []
  const title = doc.querySelector(propayBadgeRules.title.selector)
  return title ? [{ element: title, id: page.id, anchor: title, append: propayBadgeRules.title.append }] : []
}

/** The WorkTicketID a list row shows: from its link to the ticket, else its row id attribute. */
export function rowTicketId(row: Element): string | null {
  const rule = propayBadgeRules.listRow
  for (const link of row.querySelectorAll(rule.idLink)) {
    const id = rule.idInHref.exec(link.getAttribute('href') ?? '')?.[1]
    if (id) return id
  }
  const attr = row.getAttribute(rule.idAttribute)?.trim()
  return attr && /^\d+$/.test(attr) ? attr : null
}

/** One spot per row of the work ticket list: in the cell holding the ticket's link (else the row's first cell). */
export function listRowSpots(root: ParentNode): BadgeSpot[] {
  const rule = propayBadgeRules.listRow
  const spots: BadgeSpot[] = []
  for (const row of root.querySelectorAll(rule.selector)) {
    const id = rowTicketId(row)
    if (!id) continue
    const cell = row.querySelector(rule.idLink)?.closest(rule.cell) ?? row.querySelector(rule.cell) ?? row
    spots.push({ element: row, id, anchor: cell, append: 'last' })
  }
  return spots
}

/**
 * What keeps a badge off this screen, for a selector-miss report: a job or work ticket with an id but no title to
 * sit beside (`badge_anchor`), or list rows that look like records (two cells or more: a "no results" row has one)
 * whose ticket id cannot be read (`badge_row_id`). Null when nothing is missing, or the screen has no badges.
 */
export function missingBadgeSpot(page: AspirePage, doc: Document): SelectorMissKind | null {
  if (page.kind === 'job' || page.kind === 'work-ticket') return page.id && titleSpot(page, doc).length === 0 ? 'badge_anchor' : null
  if (page.kind !== 'work-ticket-list') return null
  const rule = propayBadgeRules.listRow
  const unreadable = [...doc.querySelectorAll(rule.selector)].some((row) => row.querySelectorAll(rule.cell).length >= 2 && rowTicketId(row) === null)
  return unreadable ? 'badge_row_id' : null
}
