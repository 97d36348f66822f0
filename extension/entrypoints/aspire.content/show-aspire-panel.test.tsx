import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ContentScriptContext } from 'wxt/utils/content-script-context'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { listenForMessages } from '../../background/router'
import { followNavigation } from '../../content/follow-navigation'
import { panelContextItem } from '../../storage/items'
import { signIn, stubBackend } from '../../test-support/connection'
import { contentScriptOn, messagesFrom } from '../../test-support/sender'
import { FRAME_ATTRIBUTE, PANEL_MARKER } from '../../ui/panel/mount-panel-frame'
import { UNRECOGNISED_SCREEN } from '../../vendors/aspire/describe-page'
import { aspirePageKey } from '../../vendors/aspire/detect-page'
import { ASPIRE_FIXTURES, type FixtureName, loadAspireFixture } from '../../vendors/aspire/fixtures'
import { aspirePanel } from './show-aspire-panel'

/** What Aspire's router does: swap the app's root for the next screen (scripts stay out of happy-dom). */
const renderScreen = (name: FixtureName) => {
  const next = loadAspireFixture(name).getElementById('root')!
  document.getElementById('root')!.replaceWith(document.importNode(next, true))
}
const frames = () => [...document.querySelectorAll<HTMLIFrameElement>(`iframe[${FRAME_ATTRIBUTE}=panel]`)]
/** What the background keeps for the panel frame of the test's tab (contentScriptOn: tab 7). */
const context = () => panelContextItem(7).getValue()
const pageLine = async () => {
  const page = (await context())?.page
  return page ? [page.label, page.id, page.title].filter(Boolean).join(' ') : null
}
const until = (check: () => boolean | Promise<boolean>) => vi.waitFor(async () => expect(await check()).toBe(true), { timeout: 3000, interval: 20 })

describe('the Aspire panel frame across in-app navigation', () => {
  let ctx: ContentScriptContext
  let navigate: (url: URL) => void
  beforeEach(async () => {
    fakeBrowser.reset()
    messagesFrom(contentScriptOn('https://cloud.youraspire.com/app/work-tickets'))
    listenForMessages()
    await signIn('crew_lead')
    // The badges check who is signed in; a crew lead sees none, whatever the backend says.
    stubBackend(() => ({ status: 503 }))
    ctx = new ContentScriptContext('test')
    document.body.innerHTML = '<div id="root"></div>'
  })
  afterEach(() => {
    ctx.notifyInvalidated()
    vi.unstubAllGlobals()
  })

  const start = (url: string) =>
    followNavigation({
      initialUrl: new URL(url),
      onLocationChange: (listener) => (navigate = listener),
      pageKey: aspirePageKey,
      show: aspirePanel(ctx),
      signal: ctx.signal,
    })

  it("should dock at once on a screen no rule knows, the frame's context saying Protiv didn't recognise it", async () => {
    start('https://cloud.youraspire.com/app/properties/details/881')
    // Well inside the 8 s a known screen may take to render.
    await until(() => frames().length === 1)
    expect(await context()).toMatchObject({ vendor: 'aspire', layout: 'dock', page: { kind: 'other', unrecognised: UNRECOGNISED_SCREEN } })
    expect(frames()[0]!.src).toBe(fakeBrowser.runtime.getURL('/panel.html'))
  })

  it('should wait for a late screen, mount the frame once, and only update its context on each navigation', async () => {
    start(ASPIRE_FIXTURES['work-ticket'].url)
    await new Promise((r) => setTimeout(r, 150))
    expect(frames()).toHaveLength(0)
    renderScreen('work-ticket')
    await until(async () => (await pageLine()) === 'Work ticket 10452')
    const [frame] = frames()
    expect(frame).toBeDefined()

    // The URL changes first; the old screen is still there until the router renders the new one. The frame stays.
    navigate(new URL(ASPIRE_FIXTURES.job.url))
    expect(frames()).toEqual([frame])
    renderScreen('job')
    await until(async () => (await pageLine()) === 'Job 2201 Maple Court HOA - Spring Cleanup')
    expect(frames()).toEqual([frame])

    // The API screen would place a new panel inline; the mounted one stays where it is, with the new context.
    navigate(new URL(ASPIRE_FIXTURES['api-admin'].url))
    renderScreen('api-admin')
    await until(async () => (await pageLine()) === 'Aspire API credentials')
    expect(frames()).toEqual([frame])
    expect((await context())?.layout).toBe('dock')
    expect(document.documentElement.getAttribute(PANEL_MARKER)).toBe('dock')
  })

  it("should mount inline where the screen says, and mount again only when Aspire's re-render took it out", async () => {
    renderScreen('api-admin')
    start(ASPIRE_FIXTURES['api-admin'].url)
    await until(() => frames().length === 1)
    const wrapper = frames()[0]!.parentElement!
    expect(wrapper.nextElementSibling?.matches('.search-list')).toBe(true)
    expect((await context())?.layout).toBe('inline')

    navigate(new URL(ASPIRE_FIXTURES.job.url))
    renderScreen('job')
    await until(async () => frames().length === 1 && !wrapper.isConnected && (await context())?.layout === 'dock')
    expect(await pageLine()).toBe('Job 2201 Maple Court HOA - Spring Cleanup')
  })

  it('should remove the frame when the content script is invalidated', async () => {
    renderScreen('work-ticket-list')
    start(ASPIRE_FIXTURES['work-ticket-list'].url)
    await until(() => frames().length === 1)
    ctx.notifyInvalidated()
    expect(frames()).toHaveLength(0)
    expect(document.documentElement.hasAttribute(PANEL_MARKER)).toBe(false)
  })
})
