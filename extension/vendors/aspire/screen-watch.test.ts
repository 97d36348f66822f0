import { afterEach, describe, expect, it } from 'vitest'
import { ASPIRE_FIXTURES, loadAspireFixture } from './fixtures'
import { awaitAspireScreen, watchAspireScreen } from './screen-watch'
import type { AspirePage } from './page-kind'

const jobUrl = new URL(ASPIRE_FIXTURES.job.url)
// Only the app's root: the fixture's scripts are for the e2e browser, not happy-dom.
const renderJob = () => (document.body.innerHTML = loadAspireFixture('job').getElementById('root')!.outerHTML)

describe('awaitAspireScreen', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('should wait for a late-rendering screen', async () => {
    setTimeout(renderJob, 50)
    const page = await awaitAspireScreen(jobUrl, document, new AbortController().signal, 5000)
    expect(page).toEqual({ kind: 'job', id: '2201', title: 'Maple Court HOA - Spring Cleanup', rendered: true })
  })

  it('should fall back to what the URL says when the screen never shows its probe', async () => {
    expect(await awaitAspireScreen(jobUrl, document, new AbortController().signal, 50)).toEqual({ kind: 'job', id: '2201', title: null, rendered: false })
  })

  it('should give up when the page is left', async () => {
    const leaving = new AbortController()
    const waiting = awaitAspireScreen(jobUrl, document, leaving.signal, 5000)
    leaving.abort()
    expect(await waiting).toBeNull()
  })
})

describe('watchAspireScreen', () => {
  it('should report a new title when the screen changes, and nothing after leaving', async () => {
    renderJob()
    const leaving = new AbortController()
    const seen: AspirePage[] = []
    const initial = (await awaitAspireScreen(jobUrl, document, leaving.signal, 1000))!
    watchAspireScreen(jobUrl, document, leaving.signal, initial, (page) => seen.push(page))
    document.querySelector('h1')!.textContent = 'Riverside Office Park - Mowing 2026'
    await new Promise((r) => setTimeout(r, 250))
    expect(seen.map((p) => p.title)).toEqual(['Riverside Office Park - Mowing 2026'])
    leaving.abort()
    document.querySelector('h1')!.textContent = 'Elsewhere'
    await new Promise((r) => setTimeout(r, 250))
    expect(seen).toHaveLength(1)
  })
})
