import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ContentScriptContext } from 'wxt/utils/content-script-context'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { listenForMessages } from '../../background/router'
import { followNavigation } from '../../content/follow-navigation'
import { signIn, stubBackend } from '../../test-support/connection'
import { contentScriptOn, messagesFrom } from '../../test-support/sender'
import { PANEL_MARKER } from '../../ui/panel/mount-panel'
import { UNRECOGNISED_SCREEN } from '../../vendors/aspire/describe-page'
import { aspirePageKey } from '../../vendors/aspire/detect-page'
import { ASPIRE_FIXTURES, type FixtureName, loadAspireFixture } from '../../vendors/aspire/fixtures'
import { showAspirePanel } from './show-aspire-panel'

/** What Aspire's router does: swap the app's root for the next screen (scripts stay out of happy-dom). */
const renderScreen = (name: FixtureName) => {
  document.body.innerHTML = loadAspireFixture(name).getElementById('root')!.outerHTML
}
const hosts = () => [...document.querySelectorAll('protiv-panel')]
const pageLine = () => hosts()[0]?.shadowRoot?.querySelector('[data-testid=panel-page]') ?? null
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 3000, interval: 20 })

describe('the Aspire panel across in-app navigation', () => {
  let ctx: ContentScriptContext
  let navigate: (url: URL) => void
  beforeEach(async () => {
    fakeBrowser.reset()
    messagesFrom(contentScriptOn('https://cloud.youraspire.com/app/work-tickets'))
    listenForMessages()
    await signIn('crew_lead')
    stubBackend(() => ({ status: 200, body: { ok: true, service: 'protiv-connect', version: '1', time: '', database: 'ok', lastCronAt: null, lastQueueAt: null } }))
    ctx = new ContentScriptContext('test')
    document.body.innerHTML = '<div id="root"></div>'
  })
  afterEach(() => {
    ctx.notifyInvalidated()
    vi.unstubAllGlobals()
  })

  const start = (name: FixtureName) =>
    followNavigation({
      initialUrl: new URL(ASPIRE_FIXTURES[name].url),
      onLocationChange: (listener) => (navigate = listener),
      pageKey: aspirePageKey,
      show: (url, leaving) => showAspirePanel(ctx, url, leaving),
      signal: ctx.signal,
    })

  it("should dock at once on a screen no rule knows, saying Protiv didn't recognise it and what still works", async () => {
    followNavigation({
      initialUrl: new URL('https://cloud.youraspire.com/app/properties/details/881'),
      onLocationChange: (listener) => (navigate = listener),
      pageKey: aspirePageKey,
      show: (url, leaving) => showAspirePanel(ctx, url, leaving),
      signal: ctx.signal,
    })
    // Well inside the 8 s a known screen may take to render.
    const line = () => hosts()[0]?.shadowRoot?.querySelector('[data-testid=panel-unrecognised]') ?? null
    await until(() => line() !== null)
    expect(line()!.textContent).toBe(UNRECOGNISED_SCREEN)
    expect(hosts()).toHaveLength(1)
  })

  it('should wait for a late screen, mount once, and follow each navigation', async () => {
    start('work-ticket')
    await new Promise((r) => setTimeout(r, 150))
    expect(hosts()).toHaveLength(0)
    renderScreen('work-ticket')
    await until(() => pageLine()?.textContent === 'Work ticket 10452')

    // The URL changes first; the old screen is still there until the router renders the new one.
    navigate(new URL(ASPIRE_FIXTURES.job.url))
    expect(hosts()).toHaveLength(0)
    renderScreen('job')
    await until(() => pageLine()?.textContent === 'Job 2201 · Maple Court HOA - Spring Cleanup')
    expect(hosts()).toHaveLength(1)

    // Same screen, another query string: nothing is remounted.
    const host = hosts()[0]
    navigate(new URL(`${ASPIRE_FIXTURES.job.url}?tab=estimate`))
    await new Promise((r) => setTimeout(r, 150))
    expect(hosts()).toEqual([host])

    navigate(new URL(ASPIRE_FIXTURES['api-admin'].url))
    renderScreen('api-admin')
    await until(() => pageLine()?.textContent === 'Aspire API credentials')
    expect(hosts()).toHaveLength(1)
    expect(hosts()[0]!.nextElementSibling?.matches('.search-list')).toBe(true)
    expect(document.documentElement.getAttribute(PANEL_MARKER)).toBe('inline')
  })

  it('should remove the panel when the content script is invalidated', async () => {
    renderScreen('work-ticket-list')
    start('work-ticket-list')
    await until(() => hosts().length === 1)
    ctx.notifyInvalidated()
    expect(hosts()).toHaveLength(0)
    expect(document.documentElement.hasAttribute(PANEL_MARKER)).toBe(false)
  })
})
