import { afterEach, describe, expect, it } from 'vitest'
import type { ProPaySummary } from '../../../shared/api/propays'
import { watchedValue } from '../../content/watched-value'
import { aJob, aProPay } from '../../test-support/propay'
import { createOrgFormat } from '../format/org-format'
import { type BadgeSubject, jobSubject, ticketSubject } from './badge-subject'
import { type BadgeOptions, showBadge } from './propay-badge'

const XSS = '<img src=x onerror=window.__xss=1>'
const plain = (s: string | null | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ') ?? null
const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent ?? null

/** The badge as its shadow root's container holds it. */
function badgeOf(subject: BadgeSubject, options: Partial<BadgeOptions> = {}) {
  const container = document.createElement('div')
  document.body.append(container)
  const value = watchedValue(subject)
  const stop = showBadge(container, value, { format: createOrgFormat(), onOpen: () => {}, ...options })
  return { container, value, stop }
}

describe('the ProPay badge', () => {
  afterEach(() => {
    document.body.replaceChildren()
    delete (window as { __xss?: number }).__xss
  })

  it('should show status, actual against budgeted hours and the bonus pool, money from cents', () => {
    const { container: root } = badgeOf(ticketSubject(aProPay()))
    const badge = root.querySelector('[data-testid=propay-badge]')!
    expect(badge.tagName).toBe('BUTTON')
    expect(badge.getAttribute('type')).toBe('button')
    expect(badge.getAttribute('class')).toBe('propay-badge propay-badge--ready')
    expect(badge.getAttribute('data-status')).toBe('ready')
    expect(badge.getAttribute('data-propay-id')).toBe('pp_1')
    expect(badge.parentElement!.className).toBe('propay-badge-wrap')
    expect(text(root, '[data-testid=propay-badge-status]')).toBe('ProPay · Ready to approve')
    expect(text(root, '[data-testid=propay-badge-hours]')).toBe('52.7 h / 57.5 h')
    expect(text(root, '[data-testid=propay-badge-pool]')).toBe('Pool $51.25')
    expect(root.querySelector('[data-testid=propay-badge-pool]')!.getAttribute('data-cents')).toBe('5125')
    expect(badgeOf(ticketSubject(aProPay({ approvable: false, figures: { ...aProPay().figures!, bonusPoolCents: 123_456_789 } }))).container.textContent).toBe(
      'ProPay · Active52.7 h / 57.5 hPool $1,234,567.89',
    )
  })

  it('should write its figures in the organisation’s locale and currency', () => {
    const { container: root } = badgeOf(ticketSubject(aProPay()), { format: createOrgFormat({ locale: 'de-DE', currency: 'EUR', timeZone: 'Europe/Berlin' }) })
    expect(plain(text(root, '[data-testid=propay-badge-pool]'))).toBe('Pool 51,25 €')
    expect(text(root, '[data-testid=propay-badge-hours]')).toBe('52,7 h / 57,5 h')
  })

  it('should say "No ProPay" quietly on a detail screen, nothing on a list row, and nothing for canceled ones', () => {
    const none = badgeOf({ state: 'none' }, { quietNone: true }).container.querySelector('[data-testid=propay-badge]')!
    expect(none.textContent).toBe('No ProPay')
    expect([none.getAttribute('class'), none.getAttribute('data-status')]).toEqual(['propay-badge propay-badge--none', 'none'])
    expect(badgeOf({ state: 'none' }).container.childNodes).toHaveLength(0)
    // An id Protiv does not hold reads differently from "no ProPay" where the badge speaks (detail screens).
    const unknown = badgeOf({ state: 'unknown' }, { quietNone: true }).container.querySelector('[data-testid=propay-badge]')!
    expect(unknown.textContent).toBe('Not synced yet')
    expect(unknown.getAttribute('data-status')).toBe('unknown')
    expect(unknown.getAttribute('title')).toMatch(/newer than the last sync/)
    expect(badgeOf({ state: 'unknown' }).container.childNodes).toHaveLength(0)
    expect(ticketSubject(aProPay({ status: 'canceled' }))).toEqual({ state: 'none' })
    expect(jobSubject(null)).toEqual({ state: 'none' })
    expect(jobSubject(aJob({ propays: [] }))).toEqual({ state: 'none' })
  })

  it('should show loading as busy, and a failure with its reason as the title', () => {
    const loading = badgeOf({ state: 'loading' }).container.querySelector('[data-testid=propay-badge]')!
    expect([loading.getAttribute('data-status'), loading.getAttribute('aria-busy'), loading.textContent]).toEqual(['loading', 'true', ''])
    const error = badgeOf({ state: 'error', error: 'The Protiv extension did not answer. Reload the page.' }).container.querySelector('[data-testid=propay-badge]')!
    expect([error.getAttribute('data-status'), error.textContent, error.getAttribute('title')]).toEqual([
      'error',
      'ProPay unavailable',
      'The Protiv extension did not answer. Reload the page.',
    ])
  })

  it('should follow its subject from loading to ready, and stop when told to', () => {
    const { container, value, stop } = badgeOf({ state: 'loading' })
    value.set(ticketSubject(aProPay({ status: 'approved', approvable: false })))
    expect(container.querySelectorAll('[data-testid=propay-badge]')).toHaveLength(1)
    expect(container.querySelector('[data-testid=propay-badge]')!.getAttribute('data-status')).toBe('approved')
    stop()
    value.set({ state: 'error', error: 'gone' })
    expect(container.querySelector('[data-testid=propay-badge]')!.getAttribute('data-status')).toBe('approved')
  })

  it('should hand its ProPays and its button to onOpen when clicked, showing no wage or share itself', () => {
    const opened: Array<{ ids: string[]; opener: HTMLElement }> = []
    const { container } = badgeOf(ticketSubject(aProPay()), { onOpen: (propays: ProPaySummary[], opener) => opened.push({ ids: propays.map((p) => p.id), opener }) })
    const badge = container.querySelector<HTMLButtonElement>('[data-testid=propay-badge]')!
    badge.click()
    expect(opened).toEqual([{ ids: ['pp_1'], opener: badge }])
    expect(container.querySelector('[data-testid=propay-breakdown]')).toBeNull()
  })

  it('should sum up a recurring job with several ProPays', () => {
    const job = aJob({
      recurring: true,
      bonusPoolCents: 9_900,
      actualSeconds: 36_000,
      budgetSeconds: 72_000,
      propays: [aProPay({ id: 'a' }), aProPay({ id: 'b', approvable: false }), aProPay({ id: 'c', status: 'deleted' })],
    })
    const { container: root } = badgeOf(jobSubject(job))
    expect(text(root, '[data-testid=propay-badge-status]')).toBe('2 ProPays · 1 ready to approve')
    expect(text(root, '[data-testid=propay-badge-hours]')).toBe('10.0 h / 20.0 h')
    expect(text(root, '[data-testid=propay-badge-pool]')).toBe('Pool $99.00')
    expect(root.querySelector('[data-testid=propay-badge]')!.getAttribute('data-propay-id')).toBe('')
  })

  it('should show a failure message holding markup as text, and run nothing', async () => {
    const { container } = badgeOf({ state: 'error', error: XSS })
    expect(container.querySelector('[data-testid=propay-badge]')!.getAttribute('title')).toBe(XSS)
    expect(container.querySelectorAll('img')).toHaveLength(0)
    await new Promise((r) => setTimeout(r, 20))
    expect((window as { __xss?: number }).__xss).toBeUndefined()
  })
})
