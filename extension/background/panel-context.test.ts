import { beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import type { Browser } from 'wxt/browser'
import { panelBreakdownItem, panelContextItem } from '../storage/items'
import { aProPay } from '../test-support/propay'
import { contentScriptOn, deliverFrom, extensionPage, panelFrameIn } from '../test-support/sender'
import { forgetTab } from './panel-context'
import { listenForMessages } from './router'

const page = { kind: 'work-ticket', id: '10452', label: 'Work ticket', title: 'Spring <b>Cleanup</b>' }
const setContext = (layout = 'dock', p: unknown = page) => ({ type: 'panel:setContext', payload: { layout, page: p } })
const inTab = (sender: Browser.runtime.MessageSender, id: number): Browser.runtime.MessageSender => ({ ...sender, tab: { ...sender.tab!, id } })

describe('the panel context hand-off (#15)', () => {
  beforeEach(() => {
    fakeBrowser.reset()
    listenForMessages()
  })

  it("should keep what a content script reports under its own tab, with the vendor taken from the sender, and hand it to that tab's frame", async () => {
    const aspire = contentScriptOn('https://cloud.youraspire.com/app/work-tickets/10452')
    // A vendor or host named in the message is not taken: the sender decides.
    const payload = { layout: 'dock', page: { ...page, host: 'buildertrend.net' }, vendor: 'exaktime' }
    expect(await deliverFrom(aspire, { type: 'panel:setContext', payload })).toEqual({ ok: true, data: { stored: true } })
    const stored = { vendor: 'aspire', layout: 'dock', page: { ...page, host: 'cloud.youraspire.com' } }
    expect(await panelContextItem(7).getValue()).toEqual(stored)
    expect(await deliverFrom(panelFrameIn('https://cloud.youraspire.com/app/work-tickets/10452'), { type: 'panel:context', payload: {} })).toEqual({
      ok: true,
      data: { tabId: 7, context: stored },
    })
  })

  it("should give a frame only its own tab's context, and nothing before its content script reported", async () => {
    await deliverFrom(inTab(contentScriptOn('https://buildertrend.net/app/TimeClock'), 11), setContext())
    const frameInOtherTab = panelFrameIn('https://buildertrend.net/app/Landing')
    expect(await deliverFrom(frameInOtherTab, { type: 'panel:context', payload: {} })).toEqual({ ok: true, data: { tabId: 7, context: null } })
    expect(await deliverFrom(inTab(frameInOtherTab, 11), { type: 'panel:context', payload: {} })).toMatchObject({ ok: true, data: { tabId: 11, context: { vendor: 'buildertrend' } } })
  })

  it('should follow updates, and forget a closed tab', async () => {
    const exaktime = contentScriptOn('https://acme.exaktime.com/app/timecards')
    await deliverFrom(exaktime, setContext())
    const seen: unknown[] = []
    const unwatch = panelContextItem(7).watch((next) => seen.push(next?.page.kind))
    await deliverFrom(exaktime, setContext('dock', { ...page, kind: 'timecards' }))
    unwatch()
    expect(seen).toEqual(['timecards'])
    await forgetTab(7)
    expect(await panelContextItem(7).getValue()).toBeNull()
  })

  it.each([
    ['a frame (our page) reporting a context', panelFrameIn('https://cloud.youraspire.com/app'), setContext(), 'Only the Protiv content script'],
    ['our popup, outside any tab, asking for a context', extensionPage('/popup.html'), { type: 'panel:context', payload: {} }, 'Only a Protiv panel frame inside a vendor tab'],
    ['a content script asking for a context', contentScriptOn('https://cloud.youraspire.com/app'), { type: 'panel:context', payload: {} }, 'Refused "panel:context"'],
    ['a content script asking for a breakdown', contentScriptOn('https://cloud.youraspire.com/app'), { type: 'panel:breakdown', payload: {} }, 'Refused "panel:breakdown"'],
    ['a layout that does not exist', contentScriptOn('https://cloud.youraspire.com/app'), setContext('fullscreen'), 'Refused the panel context: layout'],
    ['a page title of a megabyte', contentScriptOn('https://cloud.youraspire.com/app'), setContext('dock', { ...page, title: 'x'.repeat(1_000_000) }), 'page.title'],
    ['a breakdown from ExakTime (no badges there)', contentScriptOn('https://acme.exaktime.com/app'), { type: 'panel:openBreakdown', payload: { propays: [aProPay()] } }, 'Refused "panel:openBreakdown"'],
    ['an empty breakdown', contentScriptOn('https://cloud.youraspire.com/app'), { type: 'panel:openBreakdown', payload: { propays: [] } }, 'Refused the breakdown'],
  ])('should refuse %s', async (_what, sender, message, error) => {
    expect(await deliverFrom(sender, message)).toEqual({ ok: false, error: expect.stringContaining(error) })
    expect(await fakeBrowser.storage.session.get(null)).toEqual({})
  })

  it("should hand a badge's ProPays to the breakdown frame of the same tab only", async () => {
    await deliverFrom(contentScriptOn('https://cloud.youraspire.com/app/work-tickets/10452'), { type: 'panel:openBreakdown', payload: { propays: [aProPay({ id: 'pp_7' })] } })
    expect((await panelBreakdownItem(7).getValue()).map((p) => p.id)).toEqual(['pp_7'])
    const frame = panelFrameIn('https://cloud.youraspire.com/app/work-tickets/10452', '/breakdown.html')
    expect(await deliverFrom(frame, { type: 'panel:breakdown', payload: {} })).toMatchObject({ ok: true, data: { propays: [{ id: 'pp_7' }] } })
    expect(await deliverFrom(inTab(frame, 8), { type: 'panel:breakdown', payload: {} })).toEqual({ ok: true, data: { propays: [] } })
  })
})
