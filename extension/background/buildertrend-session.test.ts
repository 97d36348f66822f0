import { describe, expect, it, vi } from 'vitest'
import { type Browser, browser } from 'wxt/browser'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { aConnection, apiError, stubBackend } from '../test-support/connection'
import { signedInExtension } from '../test-support/signed-in'
import { panelFrameIn } from '../test-support/sender'
import { buildertrendSessionHandlers, maySendSession, NO_SESSION, NOT_ALLOWED } from './buildertrend-session'

const connect = buildertrendSessionHandlers['buildertrend:connectSession']
const tabOn = (url: string): Browser.runtime.MessageSender => ({ id: browser.runtime.id, tab: { id: 7, url } as Browser.tabs.Tab, url })
/** The panel frame in a buildertrend.net tab: where the session connect is clicked since #15. */
const onSite = panelFrameIn('https://buildertrend.net/app/TimeClock')
const siteCookies = [
  { name: '.AspNet.Auth0', value: 'ticket' },
  { name: 'ASP.NET_SessionId', value: 'sid' },
  { name: 'GAESA', value: 'affinity' },
  { name: '_ga', value: 'tracking' },
  { name: '__AntiXsrfToken', value: 'xsrf' },
]
function stubCookies(cookies: Array<{ name: string; value: string }>) {
  const getAll = vi.fn(async (_details: { url?: string }) => cookies.map((c) => ({ ...c, domain: 'buildertrend.net', path: '/' }) as Browser.cookies.Cookie))
  ;(fakeBrowser as unknown as { cookies: { getAll: typeof getAll } }).cookies = { getAll }
  return getAll
}
const settings = { syncStartDate: '2026-01-01' }

describe('connecting Buildertrend with the signed-in session', () => {
  signedInExtension()

  it.each([
    ['a tab on another site', tabOn('https://evil.example/buildertrend.net')],
    ['a look-alike host', tabOn('https://buildertrend.net.evil.example/app')],
    ['plain http', tabOn('http://buildertrend.net/app')],
    ['another extension', { ...onSite, id: 'someone-else' }],
    ['the Buildertrend content script (its panel runs in the frame now)', tabOn('https://buildertrend.net/app/TimeClock')],
    ['no sender', undefined],
  ])('should refuse %s without reading a cookie', async (_what, sender) => {
    const getAll = stubCookies(siteCookies)
    expect(maySendSession(sender)).toBe(false)
    await expect(connect({ auto: false, settings }, sender)).rejects.toThrow(NOT_ALLOWED)
    expect(getAll).not.toHaveBeenCalled()
  })

  it("should accept the panel frame in the Buildertrend tab and the extension's own pages", () => {
    expect(maySendSession(onSite)).toBe(true)
    expect(maySendSession({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') })).toBe(true)
  })

  it('should create the connection with the session cookies only, read from buildertrend.net itself', async () => {
    const getAll = stubCookies(siteCookies)
    const requests = stubBackend((method) => (method === 'GET' ? { status: 200, body: { connections: [] } } : { status: 201, body: aConnection({ vendor: 'buildertrend' }) }))
    expect((await connect({ auto: false, settings }, onSite)).kind).toBe('connected')
    expect(getAll).toHaveBeenCalledWith({ url: 'https://buildertrend.net/' })
    expect(requests[1]).toMatchObject({
      method: 'POST',
      path: '/api/v1/connections',
      body: { vendor: 'buildertrend', settings, credentials: { kind: 'browser_session', cookies: siteCookies.slice(0, 3) } },
    })
  })

  it('should say to sign in first when the browser holds no Buildertrend session', async () => {
    stubCookies([{ name: '_ga', value: 'tracking' }])
    stubBackend(() => ({ status: 200, body: { connections: [] } }))
    expect(await connect({ auto: false, settings }, onSite)).toEqual({ kind: 'no_session', message: NO_SESSION })
  })

  it('should refresh an ended session by itself once per page, and leave a healthy connection alone', async () => {
    stubCookies(siteCookies)
    const ended = aConnection({ vendor: 'buildertrend', status: 'relink_needed', lastError: { code: 'session_expired', message: 'ended' } })
    const requests = stubBackend((method) => (method === 'GET' ? { status: 200, body: { connections: [ended] } } : { status: 200, body: aConnection({ vendor: 'buildertrend' }) }))
    expect((await connect({ auto: true }, onSite)).kind).toBe('reconnected')
    expect(requests.filter((r) => r.method === 'PATCH')).toMatchObject([{ path: '/api/v1/connections/conn_1', body: { credentials: { kind: 'browser_session' } } }])
    expect((await connect({ auto: true }, onSite)).kind).toBe('not_needed')
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)

    stubBackend(() => ({ status: 200, body: { connections: [aConnection({ id: 'conn_2', vendor: 'buildertrend' })] } }))
    expect(await connect({ auto: true }, onSite)).toEqual({ kind: 'not_needed' })
  })

  it("should pass the backend's refusal of another company on, as given", async () => {
    stubCookies(siteCookies)
    const ended = aConnection({ id: 'conn_9', vendor: 'buildertrend', status: 'relink_needed', lastError: { code: 'session_expired', message: 'ended' } })
    stubBackend((method) => (method === 'GET' ? { status: 200, body: { connections: [ended] } } : apiError(409, 'conflict', 'This browser is signed in to a different Buildertrend company (X) than this connection (Y).')))
    await expect(connect({ auto: true }, { ...onSite, tab: { id: 8, url: onSite.url } as Browser.tabs.Tab })).rejects.toThrow('different Buildertrend company (X)')
  })
})
