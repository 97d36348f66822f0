import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { sessionItem } from '../storage/items'
import { apiError, stubBackend } from '../test-support/connection'
import { contentScriptOn, deliverFrom, extensionPage } from '../test-support/sender'
import { signedInExtension } from '../test-support/signed-in'

const aspireTab = () => contentScriptOn('https://cloud.youraspire.com/app/work-tickets/details/10452')
const miss = { vendor: 'aspire', kind: 'screen_probe', pagePattern: '/app/work-tickets/details/:id' } as const
const report = (misses: unknown[]) => ({ type: 'diagnostics:selectorMiss', payload: { misses } })

describe('diagnostics:selectorMiss', () => {
  signedInExtension()
  // The fake browser has no manifest; the built extension's comes from package.json.
  beforeEach(() => void vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Protiv Connect', version: '1.4.0' }))

  it('should post the content script’s misses with the extension version, signed in', async () => {
    const requests = stubBackend(() => ({ status: 200, body: { recorded: 1 } }))
    expect(await deliverFrom(aspireTab(), report([miss]))).toEqual({ ok: true, data: { recorded: 1 } })
    expect(requests).toEqual([
      {
        method: 'POST',
        path: '/api/v1/diagnostics/selector-misses',
        body: { extensionVersion: '1.4.0', misses: [miss] },
        authorization: 'Bearer pvc_test_token',
      },
    ])
  })

  it.each([
    ['buildertrend', 'https://buildertrend.net/app/TimeClock', { vendor: 'buildertrend', kind: 'page_action', pagePattern: '/app/TimeClock' }],
    ['exaktime', 'https://acme.exaktime.com/app/timecards', { vendor: 'exaktime', kind: 'screen_probe', pagePattern: '/app/timecards' }],
  ])('should let the %s content script report its own vendor', async (_, url, own) => {
    stubBackend(() => ({ status: 200, body: { recorded: 1 } }))
    expect(await deliverFrom(contentScriptOn(url), report([own]))).toEqual({ ok: true, data: { recorded: 1 } })
  })

  it("should refuse a content script reporting another vendor's pages, sending nothing", async () => {
    const requests = stubBackend(() => ({ status: 200, body: { recorded: 1 } }))
    const reply = await deliverFrom(contentScriptOn('https://buildertrend.net/app/TimeClock'), report([{ ...miss }]))
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('may report only Buildertrend') })
    expect(requests).toEqual([])
  })

  it('should send nothing while nobody is signed in', async () => {
    await sessionItem.setValue(null)
    const requests = stubBackend(() => ({ status: 200, body: { recorded: 1 } }))
    expect(await deliverFrom(aspireTab(), report([miss]))).toEqual({ ok: true, data: { recorded: 0 } })
    expect(requests).toEqual([])
  })

  it('should pass the backend’s refusal on (a rate limit), for the content script to drop', async () => {
    stubBackend(() => apiError(429, 'rate_limited', 'Your organisation has sent many selector-miss reports. Send again in 60 s.', { 'retry-after': '60' }))
    expect(await deliverFrom(aspireTab(), report([miss]))).toEqual({ ok: false, error: expect.stringContaining('Send again in 60 s') })
  })
})

describe('diagnostics:view', () => {
  signedInExtension()

  it('should be refused to every content script', async () => {
    const requests = stubBackend(() => ({ status: 200, body: {} }))
    for (const url of ['https://cloud.youraspire.com/app', 'https://buildertrend.net/app/TimeClock', 'https://acme.exaktime.com/app/timecards']) {
      expect(await deliverFrom(contentScriptOn(url), { type: 'diagnostics:view', payload: {} })).toEqual({ ok: false, error: expect.stringContaining('may not send it') })
    }
    expect(requests).toEqual([])
  })

  it('should read the diagnostics for the options page', async () => {
    const view = { backendVersion: '1.0.0', lastCronAt: null, lastQueueAt: null, selectorMisses: [], connections: [] }
    const requests = stubBackend(() => ({ status: 200, body: view }))
    expect(await deliverFrom(extensionPage(), { type: 'diagnostics:view', payload: {} })).toEqual({ ok: true, data: view })
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/diagnostics'])
  })
})
