import { describe, expect, it } from 'vitest'
import { VendorError } from '../../sync/vendor-error'
import type { VendorHttp } from '../../sync/vendor-http'
import { AUTH0_CLIENT_ID, HUMAN_CHECK, WRONG_PASSWORD } from './auth'
import { type BtContext, btApi, SESSION_EXPIRED, UNREACHABLE } from './client'
import { BuildertrendSettings } from './settings'

type Seen = { url: string; method: string; headers: Headers; body: string }

/** A scripted Buildertrend: each call answers from `answer`, and every request is kept. */
function fakeHttp(answer: (req: Seen, n: number) => Response | Promise<Response>) {
  const seen: Seen[] = []
  const http: VendorHttp = {
    get requests() {
      return seen.length
    },
    waitedMs: 0,
    async fetch(url, init) {
      const req = { url, method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: typeof init?.body === 'string' ? init.body : '' }
      seen.push(req)
      return answer(req, seen.length)
    },
  }
  return { http, seen }
}

let tenant = 0
/** A fresh username per test: sessions are cached per isolate by username. */
function ctxOf(http: VendorHttp): BtContext {
  tenant++
  return {
    connectionId: `c-${tenant}`,
    orgTimeZone: 'America/Chicago',
    credentials: { username: `admin${tenant}@builder.test`, password: 'pw' },
    settings: BuildertrendSettings.parse({ syncStartDate: '2026-01-01', baseUrl: 'https://bt.test' }),
    http,
    now: Date.now(),
    existingIds: async () => new Set(),
    heldValues: async () => new Map(),
  } as BtContext
}

const json = (body: unknown, init: ResponseInit & { cookies?: string[] } = {}) => {
  const headers = new Headers({ 'content-type': 'application/json' })
  for (const c of init.cookies ?? []) headers.append('set-cookie', c)
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers })
}
const ok = (data: unknown, cookies: string[] = []) => json({ success: true, message: null, needsToRelogin: false, data }, { cookies })
const tokenOk = () => json({ access_token: 'bearer-1', token_type: 'Bearer' }, { cookies: ['.AspNet.Auth0=ticket-1; path=/; secure; HttpOnly', 'ASP.NET_SessionId=sid-1; path=/; HttpOnly'] })

const failure = async (promise: Promise<unknown>) => {
  const err = await promise.then(() => null, (e: unknown) => e)
  expect(err).toBeInstanceOf(VendorError)
  return err as VendorError
}

describe('Buildertrend sign-in', () => {
  it("should send the Auth0 password grant form-encoded with the web app's client id", async () => {
    const { http, seen } = fakeHttp((req) => (req.url.endsWith('/oauth/token') ? tokenOk() : ok({ builderId: 1 })))
    await btApi(ctxOf(http), '/api/AccountInfo/GlobalInfo')
    const [grant] = seen
    expect(grant!.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    const form = new URLSearchParams(grant!.body)
    expect(Object.fromEntries(form)).toMatchObject({ grant_type: 'password', client_id: AUTH0_CLIENT_ID, audience: 'https://api.buildertrend.net/', scope: 'openid profile email', password: 'pw' })
  })

  it('should send AjaxLogin as the iPhone app does and keep data.Token and data.mobileCookies', async () => {
    const { http, seen } = fakeHttp((req) => {
      if (req.url.endsWith('/oauth/token')) return json({ error: 'unauthorized_client', error_description: "Grant type 'password' not allowed" }, { status: 403 })
      if (req.url.endsWith('/AjaxLogin')) return json({ success: false, message: null, data: { loginSuccess: true, Token: 'mobile-bearer', mobileCookies: [{ name: '.AspNet.Auth0', value: 'mobile-ticket' }] } }, { cookies: ['ASP.NET_SessionId=sid-2; path=/'] })
      return ok({ builderId: 1 })
    })
    await btApi(ctxOf(http), '/api/AccountInfo/GlobalInfo')
    const ajax = seen[1]!
    expect(ajax.headers.get('user-agent')).toBe('Buildertrend/24.8.0 (iPhone; iOS 18.5; Scale/3.00)')
    expect(ajax.headers.get('portaltype')).toBeNull()
    expect(JSON.parse(ajax.body)).toMatchObject({ deviceType: 'iPhone', appVersion: '24.8.0', rememberMe: true })
    const call = seen[2]!
    expect(call.headers.get('cookie')).toBe('ASP.NET_SessionId=sid-2; .AspNet.Auth0=mobile-ticket')
    expect(call.headers.get('authorization')).toBe('Bearer mobile-bearer')
  })

  it.each([
    [{ error: 'invalid_grant', error_description: 'Wrong email or password.' }, 403, 'bad_credentials', WRONG_PASSWORD],
    [{ error: 'access_denied', error_description: 'Suspicious request requires verification' }, 401, 'needs_human', HUMAN_CHECK],
    [{ error: 'mfa_required', error_description: 'Multifactor authentication required' }, 403, 'needs_human', HUMAN_CHECK],
  ] as const)('should read Auth0 %j as %s, without trying AjaxLogin', async (body, status, kind, message) => {
    const { http, seen } = fakeHttp(() => json(body, { status }))
    const err = await failure(btApi(ctxOf(http), '/api/AccountInfo/GlobalInfo'))
    expect([err.kind, err.message]).toEqual([kind, message])
    expect(seen).toHaveLength(1)
  })
})

describe('Buildertrend API calls', () => {
  it('should carry the cookie jar, the bearer and the headers of a Chrome tab', async () => {
    const { http, seen } = fakeHttp((req) => (req.url.endsWith('/oauth/token') ? tokenOk() : ok({ jobs: [] })))
    await btApi(ctxOf(http), '/api/jobpicker/GetJobPickerData', { filters: '{}' })
    const call = seen[1]!
    expect(call.headers.get('cookie')).toBe('.AspNet.Auth0=ticket-1; ASP.NET_SessionId=sid-1')
    expect(call.headers.get('authorization')).toBe('Bearer bearer-1')
    expect(call.headers.get('user-agent')).toMatch(/Chrome\/\d+/)
    expect(call.headers.get('sec-ch-ua')).toMatch(/Google Chrome/)
    expect(Object.fromEntries(['sec-fetch-mode', 'sec-fetch-site', 'sec-fetch-dest', 'portaltype', 'referer', 'origin', 'content-type'].map((h) => [h, call.headers.get(h)]))).toEqual({
      'sec-fetch-mode': 'cors',
      'sec-fetch-site': 'same-origin',
      'sec-fetch-dest': 'empty',
      portaltype: '1',
      referer: 'https://bt.test/app/Landing',
      origin: 'https://bt.test',
      'content-type': 'application/json',
    })
  })

  it('should renew and drop cookies as Set-Cookie says', async () => {
    const { http, seen } = fakeHttp((req, n) => {
      if (req.url.endsWith('/oauth/token')) return tokenOk()
      if (n === 2) return ok({}, ['.AspNet.Auth0=ticket-2; path=/; secure; HttpOnly', 'GAESA=affinity; path=/'])
      if (n === 3) return ok({}, ['GAESA=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'])
      return ok({})
    })
    const ctx = ctxOf(http)
    for (let i = 0; i < 3; i++) await btApi(ctx, '/api/AccountInfo/GlobalInfo')
    expect(seen.slice(1).map((r) => r.headers.get('cookie'))).toEqual([
      '.AspNet.Auth0=ticket-1; ASP.NET_SessionId=sid-1',
      '.AspNet.Auth0=ticket-2; ASP.NET_SessionId=sid-1; GAESA=affinity',
      '.AspNet.Auth0=ticket-2; ASP.NET_SessionId=sid-1',
    ])
  })

  it('should sign in again once when the session ends, then say the session expired if the new one ends too', async () => {
    const { http, seen } = fakeHttp((req) => (req.url.endsWith('/oauth/token') ? tokenOk() : new Response(null, { status: 302, headers: { location: '/app/error' } })))
    const err = await failure(btApi(ctxOf(http), '/api/AccountInfo/GlobalInfo'))
    expect([err.kind, err.action, err.message]).toEqual(['session_expired', 'relink', SESSION_EXPIRED])
    expect(seen.map((r) => new URL(r.url).pathname)).toEqual(['/oauth/token', '/api/AccountInfo/GlobalInfo', '/oauth/token', '/api/AccountInfo/GlobalInfo'])
  })

  it('should name Buildertrend when it cannot be reached', async () => {
    const { http } = fakeHttp((req) => {
      if (req.url.endsWith('/oauth/token')) return tokenOk()
      throw new VendorError('vendor_down', 'The vendor could not be reached.')
    })
    const err = await failure(btApi(ctxOf(http), '/api/AccountInfo/GlobalInfo'))
    expect(err.kind).toBe('vendor_down')
    expect(err.message).toContain(UNREACHABLE)
  })
})
