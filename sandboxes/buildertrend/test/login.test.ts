import { describe, expect, it } from 'vitest'
import { AUTH_COOKIE, SESSION_COOKIE } from '../sandbox-core'
import { CHROME_HEADERS, cookiesOf, harness } from './harness'

const ajaxBody = (username: string, password: string) => ({ username, password, deviceType: 'iPhone', appVersion: '24.8.0', rememberMe: true })
const MOBILE_UA = 'Buildertrend/24.8.0 (iPhone; iOS 18.5; Scale/3.00)'

describe('Buildertrend sandbox logins', () => {
  it('should open a cookie session through the Auth0 form grant, with a bearer beside it', async () => {
    const h = await harness()
    const res = await h.auth0()
    expect(res.status).toBe(200)
    expect((await res.json()) as { access_token: string }).toMatchObject({ access_token: expect.stringMatching(/^bt-bearer-/), token_type: 'Bearer' })
    const cookies = res.headers.getSetCookie()
    expect(cookies.some((c) => c.startsWith(`${AUTH_COOKIE}=`) && /HttpOnly/i.test(c))).toBe(true)
    expect(cookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(true)
  })

  it('should refuse a JSON body and any client id but the web app’s at the Auth0 endpoint', async () => {
    const h = await harness()
    const json = await h.sandbox.app.request('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: h.tenant.username, password: h.tenant.password, client_id: 'rM9vUB980Q7Tfy1eSi9fc5FDBpNM0jt3' }),
    })
    expect(json.status).toBe(400)
    expect(await json.json()).toMatchObject({ error: 'invalid_request' })
    const placeholder = await h.auth0(h.tenant.username, h.tenant.password, { client_id: 'buildertrend-web' })
    expect(placeholder.status).toBe(401)
    expect(await placeholder.json()).toMatchObject({ error: 'access_denied', error_description: 'Unauthorized' })
    expect(placeholder.headers.getSetCookie()).toEqual([])
  })

  it('should answer AjaxLogin with data.Token and the session cookies in data.mobileCookies', async () => {
    const h = await harness()
    const ajax = await h.request('/api/Login/AjaxLogin', { body: ajaxBody(h.tenant.username.toUpperCase(), h.tenant.password), headers: { 'user-agent': MOBILE_UA } })
    const body = (await ajax.json()) as { success: boolean; data: { loginSuccess: boolean; Token: string; mobileCookies: Array<{ name: string; value: string }> } }
    expect(body).toMatchObject({ success: true, data: { loginSuccess: true, Token: expect.stringMatching(/^bt-bearer-/) } })
    expect(body.data.mobileCookies.map((c) => c.name)).toEqual([AUTH_COOKIE, SESSION_COOKIE])
    // The ticket comes only in mobileCookies: a client that drops them has no session.
    expect(cookiesOf(ajax)).not.toContain(AUTH_COOKIE)
    const cookie = body.data.mobileCookies.map((c) => `${c.name}=${c.value}`).join('; ')
    expect((await h.request('/api/AccountInfo/GlobalInfo', { headers: { cookie } })).status).toBe(200)
    expect((await h.request('/api/AccountInfo/GlobalInfo', { headers: { cookie: cookiesOf(ajax), authorization: `Bearer ${body.data.Token}` } })).status).toBe(302)
  })

  it('should refuse a wrong password the way Auth0 does, and with an AjaxLogin failure', async () => {
    const h = await harness()
    const res = await h.auth0(h.tenant.username, 'nope')
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Wrong email or password.' })
    const ajax = await h.request('/api/Login/AjaxLogin', { body: ajaxBody(h.tenant.username, 'nope') })
    expect(await ajax.json()).toMatchObject({ success: false, message: 'Invalid username or password.' })
  })

  it.each([
    ['captcha', 401, { error: 'access_denied' }],
    ['mfa', 403, { error: 'mfa_required' }],
    ['locked', 401, { error: 'unauthorized', error_description: 'user is blocked' }],
    ['legacy', 403, { error: 'unauthorized_client' }],
  ] as const)('should answer the %s outcome from the Auth0 endpoint', async (loginOutcome, status, body) => {
    const h = await harness({ loginOutcome })
    const res = await h.auth0()
    expect(res.status).toBe(status)
    expect(await res.json()).toMatchObject(body)
  })

  it('should answer access_denied to every sign-in while the captcha switch is on, and sign in again once it is off', async () => {
    const h = await harness()
    const flip = (on: boolean) => h.sandbox.app.request(`/__control/tenants/${h.tenant.id}/captcha`, { method: 'PUT', body: JSON.stringify({ on }) })
    expect(await (await flip(true)).json()).toEqual({ captchaOnLogin: true })
    const refused = await h.auth0()
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual({ error: 'access_denied', error_description: 'Suspicious request requires verification' })
    expect(await (await h.request('/api/Login/AjaxLogin', { body: ajaxBody(h.tenant.username, h.tenant.password) })).text()).toMatch(/Verify you are human/)
    await flip(false)
    expect((await h.auth0()).status).toBe(200)
  })

  it('should serve an HTML challenge page for the challenge outcome', async () => {
    const h = await harness({ loginOutcome: 'challenge_html' })
    const res = await h.auth0()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(await res.text()).toMatch(/Verify you are human/)
  })

  it('should refuse valid credentials at AjaxLogin for an account migrated to Auth0, but not at Auth0', async () => {
    const h = await harness({ loginOutcome: 'migrated' })
    const ajax = await h.request('/api/Login/AjaxLogin', { body: ajaxBody(h.tenant.username, h.tenant.password) })
    expect(await ajax.json()).toMatchObject({ success: false, message: 'Invalid username or password.' })
    expect((await h.auth0()).status).toBe(200)
  })

  it('should take its time for a slow login', async () => {
    const h = await harness({ loginDelayMs: 150 })
    const started = Date.now()
    expect((await h.auth0()).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })
})

describe('Buildertrend sandbox sessions', () => {
  it('should serve a session by its cookies alone, as a signed-in tab sends them, and require portaltype', async () => {
    const h = await harness()
    const session = await h.login()
    const info = await (await h.request('/api/AccountInfo/GlobalInfo', { headers: { cookie: session.cookie } })).json()
    expect(info).toEqual({ success: true, message: null, needsToRelogin: false, sessionJobInfo: null, data: expect.objectContaining({ builderId: h.tenant.builderId }), metadata: null, forcedUpgrade: false })
    expect((await h.request('/api/AccountInfo/GlobalInfo', { session, headers: { portaltype: '2' } })).status).toBe(400)
  })

  it.each([
    ['a bearer alone', (s: { bearer: string }) => ({ authorization: `Bearer ${s.bearer}` })],
    ['no cookie at all', () => ({})],
    ['cookies of no session', () => ({ cookie: `${AUTH_COOKIE}=forged; ${SESSION_COOKIE}=forged` })],
    ['the ticket without its session id', (s: { cookie: string }) => ({ cookie: s.cookie.split('; ').find((c) => c.startsWith(AUTH_COOKIE))! })],
  ])('should answer %s with 302 → /app/error', async (_, headers) => {
    const h = await harness()
    const session = await h.login()
    const res = await h.request('/api/AccountInfo/GlobalInfo', { headers: headers(session) })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/app/error')
  })

  it.each([
    ['a plain HTTP client', { 'user-agent': 'python-requests/2.32.3', 'sec-ch-ua': '', 'sec-fetch-mode': '' }],
    ['a Chrome user agent without client hints', { 'sec-ch-ua': '' }],
    ['a Chrome user agent without fetch metadata', { 'sec-fetch-mode': '' }],
    ['the iPhone app user agent', { 'user-agent': 'Buildertrend/24.8.0 (iPhone; iOS 18.5; Scale/3.00)' }],
  ])('should send %s to /app/error even with a live session', async (_, headers) => {
    const h = await harness()
    const session = await h.login()
    const res = await h.request('/api/AccountInfo/GlobalInfo', { session, headers })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/app/error')
    // Exactly Chrome's headers pass.
    expect((await h.request('/api/AccountInfo/GlobalInfo', { session, headers: CHROME_HEADERS })).status).toBe(200)
  })

  it.each([
    ['relogin', 200, /"needsToRelogin":true/],
    ['redirect', 302, /^$/],
    ['cleared', 302, /^$/],
    ['html', 200, /Log In \| Buildertrend/],
  ] as const)('should end sessions as %s after the staged number of requests', async (mode, status, body) => {
    const h = await harness()
    const session = await h.login()
    await h.sandbox.app.request(`/__control/tenants/${h.tenant.id}/expire-sessions`, { method: 'POST', body: JSON.stringify({ mode, afterRequests: 2 }) })
    for (let i = 0; i < 2; i++) expect((await h.request('/api/AccountInfo/GlobalInfo', { session })).status).toBe(200)
    const ended = await h.request('/api/AccountInfo/GlobalInfo', { session })
    expect(ended.status).toBe(status)
    if (status === 302) expect(ended.headers.get('location')).toBe('/app/error')
    if (mode === 'cleared') expect(ended.headers.getSetCookie()).toEqual([expect.stringMatching(new RegExp(`^${AUTH_COOKIE.replace('.', '\\.')}=; expires=Thu, 01 Jan 1970`))])
    expect(await ended.text()).toMatch(body)
    const fresh = await h.login()
    expect((await h.request('/api/AccountInfo/GlobalInfo', { session: fresh })).status).toBe(200)
  })

  it('should answer an expired /apix session with 401 rather than an envelope', async () => {
    const h = await harness()
    const session = await h.login()
    for (const s of h.tenant.sessions.values()) s.ended = 'relogin'
    const res = await h.request('/apix/v2/JobCostingBudget', { session, body: { jobId: [...h.tenant.jobs.keys()][0], filter: '{}' } })
    expect(res.status).toBe(401)
  })
})
