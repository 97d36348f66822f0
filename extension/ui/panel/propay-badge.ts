/**
 * The inline ProPay badge: status, actual against budgeted hours and the bonus pool so far. Built with plain DOM calls
 * (text only, never markup: vendor data stays text) rather than Preact, so the Aspire content script ships without a
 * UI framework (#16: ≤ 15 KiB gzip). Clicking it calls `onOpen`, which shows the breakdown (wages, shares) in an
 * extension frame, never in the page (#15).
 * @module
 */
import type { ProPaySummary } from '../../../shared/api/propays'
import type { WatchedValue } from '../../content/watched-value'
import type { OrgFormat } from '../format/org-format'
import { badgeHeadline, type BadgeSubject } from './badge-subject'

export interface BadgeOptions {
  /** The organisation's formatting, read once per screen with the signed-in state. */
  format: Pick<OrgFormat, 'hours' | 'money'>
  /** `opener` is the badge's button, for focus to return to when the breakdown closes. */
  onOpen: (propays: ProPaySummary[], opener: HTMLElement) => void
  /** A muted "No ProPay" / "Not synced yet" (detail screens); without it a ProPay-less row shows nothing. */
  quietNone?: boolean
}

const NOT_SYNCED_TITLE = 'Protiv has no record with this id yet: it may be newer than the last sync, or belong to an account that is not connected.'

function element(doc: Document, tag: string, attributes: Record<string, string>, ...children: Array<Node | string>): HTMLElement {
  const el = doc.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value)
  // Strings become text nodes: whatever they hold is never parsed as markup.
  el.append(...children)
  return el
}

const quiet = (doc: Document, status: string, words: string, extra: Record<string, string> = {}) =>
  element(doc, 'span', { class: 'propay-badge propay-badge--none', 'data-testid': 'propay-badge', 'data-status': status, ...extra }, words)

/** What `subject` shows, as nodes (none: nothing to show here). */
export function badgeNodes(doc: Document, subject: BadgeSubject, { format: f, onOpen, quietNone = false }: BadgeOptions): Node[] {
  switch (subject.state) {
    case 'loading':
      return [element(doc, 'span', { class: 'propay-badge propay-badge--loading', 'data-testid': 'propay-badge', 'data-status': 'loading', 'aria-busy': 'true' })]
    case 'error':
      return [element(doc, 'span', { class: 'propay-badge propay-badge--error', 'data-testid': 'propay-badge', 'data-status': 'error', title: subject.error }, 'ProPay unavailable')]
    case 'unknown':
      return quietNone ? [quiet(doc, 'unknown', 'Not synced yet', { title: NOT_SYNCED_TITLE })] : []
    case 'none':
      return quietNone ? [quiet(doc, 'none', 'No ProPay')] : []
  }
  const { propays } = subject
  const h = badgeHeadline(propays, subject.job)
  const button = element(
    doc,
    'button',
    {
      type: 'button',
      class: `propay-badge propay-badge--${h.status}`,
      'data-testid': 'propay-badge',
      'data-status': h.status,
      'data-propay-id': propays.length === 1 ? propays[0]!.id : '',
      'aria-haspopup': 'dialog',
      title: 'Open the ProPay breakdown',
    },
    element(doc, 'span', { class: 'propay-badge__label', 'data-testid': 'propay-badge-status' }, h.label),
    element(doc, 'span', { class: 'propay-badge__hours', 'data-testid': 'propay-badge-hours' }, `${f.hours(h.actualSeconds)} / ${f.hours(h.budgetSeconds)}`),
    element(doc, 'span', { class: 'propay-badge__pool', 'data-testid': 'propay-badge-pool', 'data-cents': String(h.poolCents ?? '') }, `Pool ${f.money(h.poolCents)}`),
  )
  button.addEventListener('click', () => onOpen(propays, button))
  return [element(doc, 'span', { class: 'propay-badge-wrap' }, button)]
}

/** Shows `subject` in `container` now and on every change, until the returned function is called. */
export function showBadge(container: Element, subject: WatchedValue<BadgeSubject>, options: BadgeOptions): () => void {
  const draw = (value: BadgeSubject) => container.replaceChildren(...badgeNodes(container.ownerDocument, value, options))
  draw(subject.value)
  return subject.watch(draw)
}
