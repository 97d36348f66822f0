import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ContentScriptContext } from 'wxt/utils/content-script-context'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { clearProPayCache } from '../../background/propay-handlers'
import { listenForMessages } from '../../background/router'
import { signIn, stubBackend } from '../../test-support/connection'
import { aJob, aProPay } from '../../test-support/propay'
import { closedRoot, keepClosedRoots } from '../../test-support/closed-roots'
import { contentScriptOn, messagesFrom } from '../../test-support/sender'
import { BADGE_HOST } from '../../ui/panel/mount-badge'
import { detectAspirePage } from '../../vendors/aspire/detect-page'
import { ASPIRE_FIXTURES, type FixtureName, loadAspireFixture } from '../../vendors/aspire/fixtures'
import { panelBreakdownItem } from '../../storage/items'
import { showProPayBadges } from './show-propay-badges'
import { pageSyncsFinished } from '../../content/request-page-sync'

const render = (name: FixtureName) => {
  document.body.innerHTML = loadAspireFixture(name).getElementById('root')!.outerHTML
  return detectAspirePage(new URL(ASPIRE_FIXTURES[name].url), document)
}
const hosts = () => [...document.querySelectorAll(BADGE_HOST)]
const badgeIn = (host: Element | null | undefined) => closedRoot(host)?.querySelector('[data-testid=propay-badge]') ?? null
const rowHost = (id: string) => document.querySelector(`tr[data-row-id="${id}"] ${BADGE_HOST}`)
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 3000, interval: 20 })

type Role = 'admin' | 'manager' | 'crew_lead' | 'worker'
/** `GET /api/v1/me` as the server answers it for the signed-in test user. */
const me = (role: Role) => ({ status: 200, body: { user: { id: `u_${role}`, orgId: 'o1', email: `${role}@acme.test`, name: 'Ann Admin', role }, organization: { id: 'o1', name: 'Acme', timeZone: 'UTC' } } })

describe('ProPay badges on Aspire screens', () => {
  keepClosedRoots()
  let ctx: ContentScriptContext
  let leaving: AbortController
  beforeEach(async () => {
    fakeBrowser.reset()
    messagesFrom(contentScriptOn('https://cloud.youraspire.com/app/work-tickets'))
    clearProPayCache()
    listenForMessages()
    ctx = new ContentScriptContext('test')
    leaving = new AbortController()
  })
  afterEach(() => {
    leaving.abort()
    ctx.notifyInvalidated()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('should give each work ticket row its badge from one batched look-up, follow new rows, and clean up on leaving', async () => {
    await signIn('manager')
    const badgeOf = (id: string) => (id === '10460' ? null : { milestone: { externalId: id, name: `Visit ${id}` }, job: { id: 'job_1', externalId: aJob().externalId, name: aJob().name }, propay: id === '10453' ? null : aProPay({ id: `pp_${id}` }) })
    const requests = stubBackend((_method, path, body) => {
      if (path === '/api/v1/me') return me('manager')
      if (path === '/api/v1/milestones/badges') {
        const { externalIds } = body as { externalIds: string[] }
        return { status: 200, body: { badges: Object.fromEntries(externalIds.map((id) => [id, badgeOf(id)])) } }
      }
      return { status: 500 }
    })
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage')
    const page = render('work-ticket-list')

    const remove = showProPayBadges(ctx, page, leaving.signal)
    await until(() => badgeIn(rowHost('10452'))?.getAttribute('data-status') === 'ready')
    expect(hosts()).toHaveLength(3)
    await until(() => badgeIn(rowHost('10453')) === null && badgeIn(rowHost('10460')) === null)
    expect(rowHost('10452')!.parentElement!.querySelector('a')!.getAttribute('href')).toBe('/app/work-tickets/10452')
    const batches = () => sendMessage.mock.calls.map(([message]) => message as unknown as { type: string; payload: unknown }).filter((m) => m.type === 'propay:forTickets')
    expect(batches().map((m) => m.payload)).toEqual([{ ticketIds: ['10452', '10453', '10460'] }])

    // Aspire pages in two more rows, and re-renders a third: only the new ones are looked up, in one message.
    const body = document.querySelector('table.search-results tbody')!
    for (const id of ['10470', '10471']) {
      const row = body.querySelector('tr')!.cloneNode(true) as HTMLElement
      row.removeAttribute('data-protiv-badge')
      row.querySelector(BADGE_HOST)?.remove()
      row.dataset.rowId = id
      row.querySelector('a')!.setAttribute('href', `/app/work-tickets/${id}`)
      body.append(row)
    }
    await until(() => badgeIn(rowHost('10471'))?.getAttribute('data-propay-id') === 'pp_10471')
    expect(batches().map((m) => m.payload)).toEqual([{ ticketIds: ['10452', '10453', '10460'] }, { ticketIds: ['10470', '10471'] }])
    expect(hosts()).toHaveLength(5)
    // One request per batch, not one per row.
    expect(requests.filter((r) => r.path.startsWith('/api/v1/milestones')).map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/api/v1/milestones/badges', { vendor: 'aspire', externalIds: ['10452', '10453', '10460'] }],
      ['POST', '/api/v1/milestones/badges', { vendor: 'aspire', externalIds: ['10470', '10471'] }],
    ])
    for (const row of document.querySelectorAll('tr[data-row-id]')) expect(row.querySelectorAll(BADGE_HOST)).toHaveLength(1)

    remove()
    expect(hosts()).toHaveLength(0)
  })

  it('should put the job badge next to the title, with a quiet "No ProPay" when there is none', async () => {
    await signIn('admin')
    stubBackend((_method, path) => {
      if (path === '/api/v1/me') return me('admin')
      if (path === '/api/v1/jobs') return { status: 200, body: { jobs: [aJob({ propays: [] })] } }
      return { status: 500 }
    })
    showProPayBadges(ctx, render('job'), leaving.signal)
    await until(() => badgeIn(document.querySelector(`h1 + ${BADGE_HOST}`))?.textContent === 'No ProPay')
    expect(hosts()).toHaveLength(1)
    leaving.abort()
    expect(hosts()).toHaveLength(0)
  })

  it('should say "Not synced yet", not "No ProPay", for a job Protiv does not hold', async () => {
    await signIn('admin')
    stubBackend((_method, path) => {
      if (path === '/api/v1/me') return me('admin')
      if (path === '/api/v1/jobs') return { status: 200, body: { jobs: [] } }
      return { status: 500 }
    })
    showProPayBadges(ctx, render('job'), leaving.signal)
    await until(() => badgeIn(document.querySelector(`h1 + ${BADGE_HOST}`))?.getAttribute('data-status') === 'unknown')
    expect(badgeIn(document.querySelector(`h1 + ${BADGE_HOST}`))!.textContent).toBe('Not synced yet')
    leaving.abort()
  })

  it('should show the work ticket its ProPay, and keep it when the screen re-renders its title', async () => {
    await signIn('admin')
    stubBackend((_method, path) => {
      if (path === '/api/v1/me') return me('admin')
      if (path === '/api/v1/milestones/badges') {
        const badge = { milestone: { externalId: '10452', name: 'Visit' }, job: { id: 'job_1', externalId: aJob().externalId, name: aJob().name }, propay: aProPay({ status: 'approved', approvable: false }) }
        return { status: 200, body: { badges: { '10452': badge } } }
      }
      return { status: 500 }
    })
    showProPayBadges(ctx, render('work-ticket'), leaving.signal)
    await until(() => badgeIn(document.querySelector(`h1 + ${BADGE_HOST}`))?.getAttribute('data-status') === 'approved')
    const h1 = document.querySelector('h1')!
    h1.replaceWith(Object.assign(document.createElement('h1'), { textContent: 'Work Ticket #10452' }))
    await until(() => badgeIn(document.querySelector(`h1 + ${BADGE_HOST}`))?.getAttribute('data-status') === 'approved')
    expect(hosts()).toHaveLength(1)
  })

  it('should write every badge in the organisation’s locale and currency, read once for the screen', async () => {
    await signIn('manager')
    const berlin = { id: 'o1', name: 'Berliner Gärten', timeZone: 'Europe/Berlin', locale: 'de-DE', currency: 'EUR' }
    const requests = stubBackend((_method, path, body) => {
      // Signed in before the organisation changed: the stored session says en-US, `me` says de-DE.
      if (path === '/api/v1/me') return { status: 200, body: { ...me('manager').body, organization: berlin } }
      if (path === '/api/v1/milestones/badges') {
        const { externalIds } = body as { externalIds: string[] }
        const badge = (id: string) => ({ milestone: { externalId: id, name: `Visit ${id}` }, job: { id: 'job_1', externalId: aJob().externalId, name: aJob().name }, propay: aProPay({ id: `pp_${id}` }) })
        return { status: 200, body: { badges: Object.fromEntries(externalIds.map((id) => [id, badge(id)])) } }
      }
      return { status: 500 }
    })
    showProPayBadges(ctx, render('work-ticket-list'), leaving.signal)
    const pools = () => hosts().map((host) => closedRoot(host)?.querySelector('[data-testid=propay-badge-pool]')?.textContent?.replace(/[\u00a0\u202f]/g, ' '))
    await until(() => hosts().length === 3 && pools().every((pool) => pool === 'Pool 51,25 €'))
    expect(badgeIn(rowHost('10452'))!.querySelector('[data-testid=propay-badge-hours]')!.textContent).toBe('52,7 h / 57,5 h')
    expect(requests.filter((r) => r.path === '/api/v1/me')).toHaveLength(1)
  })

  it('should read the ProPay again when a page-triggered sync finishes', async () => {
    await signIn('admin')
    let status: 'active' | 'approved' = 'active'
    stubBackend((_method, path) => {
      if (path === '/api/v1/me') return me('admin')
      if (path === '/api/v1/milestones/badges') {
        const badge = { milestone: { externalId: '10452', name: 'Visit' }, job: { id: 'job_1', externalId: aJob().externalId, name: aJob().name }, propay: aProPay({ status, approvable: false }) }
        return { status: 200, body: { badges: { '10452': badge } } }
      }
      return { status: 500 }
    })
    showProPayBadges(ctx, render('work-ticket'), leaving.signal)
    const badge = () => badgeIn(document.querySelector(`h1 + ${BADGE_HOST}`))
    await until(() => badge()?.getAttribute('data-status') === 'active')
    status = 'approved'
    // The background dropped its ProPay cache when the sync's runs finished (request-page-sync.ts); so do we here.
    clearProPayCache()
    pageSyncsFinished.set(pageSyncsFinished.value + 1)
    await until(() => badge()?.getAttribute('data-status') === 'approved')
    expect(hosts()).toHaveLength(1)
  })

  it('should show crew leads and workers nothing', async () => {
    for (const role of ['crew_lead', 'worker'] as const) {
      await signIn(role)
      const requests = stubBackend((_method, path) => (path === '/api/v1/me' ? me(role) : { status: 500 }))
      showProPayBadges(ctx, render('work-ticket-list'), leaving.signal)
      await new Promise((r) => setTimeout(r, 250))
      expect(hosts(), role).toHaveLength(0)
      expect(requests.filter((r) => r.path !== '/api/v1/me'), role).toHaveLength(0)
    }
  })

  it('should keep each badge in a closed root and open its breakdown in an extension frame, never in the page', async () => {
    await signIn('admin')
    const propay = aProPay({ id: 'pp_10452' })
    stubBackend((_method, path) => {
      if (path === '/api/v1/me') return me('admin')
      if (path === '/api/v1/milestones/badges') {
        const badge = { milestone: { externalId: '10452', name: 'Visit' }, job: { id: 'job_1', externalId: aJob().externalId, name: aJob().name }, propay }
        return { status: 200, body: { badges: { '10452': badge } } }
      }
      return { status: 500 }
    })
    showProPayBadges(ctx, render('work-ticket'), leaving.signal)
    const host = () => document.querySelector(`h1 + ${BADGE_HOST}`)
    await until(() => badgeIn(host())?.getAttribute('data-status') === 'ready')
    // What a page script gets: no root, so no status, hours or pool either.
    expect(host()!.shadowRoot).toBeNull()
    ;(badgeIn(host()) as HTMLElement).click()
    const frame = () => document.querySelector<HTMLIFrameElement>('iframe[data-protiv-frame=breakdown]')
    await until(() => frame() !== null)
    expect(frame()!.src).toBe(fakeBrowser.runtime.getURL('/breakdown.html'))
    // The frame reads what to show from the background, kept for this tab (contentScriptOn: tab 7) where pages cannot read.
    expect((await panelBreakdownItem(7).getValue()).map((p) => p.id)).toEqual(['pp_10452'])
    expect(document.querySelector('[data-testid=propay-breakdown]')).toBeNull()
    leaving.abort()
  })
})
