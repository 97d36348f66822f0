import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ContentScriptContext } from 'wxt/utils/content-script-context'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { listenForMessages } from '../../background/router'
import { reportSelectorMiss } from '../../content/report-selector-miss'
import { signIn, stubBackend } from '../../test-support/connection'
import { contentScriptOn, messagesFrom } from '../../test-support/sender'
import type { AspirePage } from '../../vendors/aspire/page-kind'
import { aspirePanel } from './show-aspire-panel'

// The screen as awaitAspireScreen gives it after its render timeout (8 s), without waiting for it.
let awaited: AspirePage
vi.mock('../../vendors/aspire/screen-watch', () => ({ awaitAspireScreen: async () => awaited, watchAspireScreen: () => undefined }))
vi.mock('../../content/report-selector-miss', () => ({ reportSelectorMiss: vi.fn() }))

describe('the Aspire panel on a screen whose probe never showed', () => {
  let ctx: ContentScriptContext
  let leaving: AbortController
  const removers: Array<() => void> = []
  const show = async (href: string) => {
    const remove = await aspirePanel(ctx)(new URL(href), leaving.signal)
    if (remove) removers.push(remove)
    return remove
  }
  beforeEach(async () => {
    leaving = new AbortController()
    fakeBrowser.reset()
    messagesFrom(contentScriptOn('https://cloud.youraspire.com/app/work-tickets'))
    listenForMessages()
    await signIn('crew_lead')
    stubBackend(() => ({ status: 200, body: { ok: true, service: 'protiv-connect', version: '1', time: '', database: 'ok', lastCronAt: null, lastQueueAt: null } }))
    ctx = new ContentScriptContext('test')
    document.body.innerHTML = '<div id="root"><h2>Something else</h2></div>'
    vi.mocked(reportSelectorMiss).mockClear()
  })
  afterEach(() => {
    removers.splice(0).forEach((remove) => remove())
    leaving.abort()
    ctx.notifyInvalidated()
  })
  // Only after the last test: a panel's first requests may still be in flight when its test ends.
  afterAll(() => vi.unstubAllGlobals())

  it('should report the screen probe as missed, with the address for the reporter to turn into a pattern', async () => {
    awaited = { kind: 'work-ticket', id: '10452', title: null, rendered: false }
    const href = 'https://cloud.youraspire.com/app/work-tickets/10452?tab=time'
    expect(await show(href)).not.toBeNull()
    expect(vi.mocked(reportSelectorMiss).mock.calls).toEqual([['aspire', 'screen_probe', new URL(href)]])
  })

  it('should report nothing when the screen rendered, or when no rule knows the address', async () => {
    awaited = { kind: 'work-ticket', id: '10452', title: null, rendered: true }
    await show('https://cloud.youraspire.com/app/work-tickets/10452')
    removers.splice(0).forEach((remove) => remove())
    await show('https://cloud.youraspire.com/app/properties/details/881')
    expect(reportSelectorMiss).not.toHaveBeenCalled()
  })
})
