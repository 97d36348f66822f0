import { describe, expect, it } from 'vitest'
import { harness } from './harness'

describe('Buildertrend sandbox logins', () => {
  it('should give a bearer for the right password through Auth0 and AjaxLogin', async () => {
    const h = await harness()
    const auth0 = (await (await h.auth0()).json()) as { access_token: string }
    expect(auth0.access_token).toMatch(/^bt-session-/)
    const ajax = await h.request('/api/Login/AjaxLogin', { body: { username: h.tenant.username.toUpperCase(), password: h.tenant.password, deviceType: 1, appVersion: '1', rememberMe: true } })
    expect(((await ajax.json()) as { data: { Token: string } }).data.Token).toMatch(/^bt-session-/)
  })

  it('should refuse a wrong password with invalid_grant and an AjaxLogin failure', async () => {
    const h = await harness()
    const res = await h.auth0(h.tenant.username, 'nope')
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' })
    const ajax = await h.request('/api/Login/AjaxLogin', { body: { username: h.tenant.username, password: 'nope' } })
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

  it('should serve an HTML challenge page for the challenge outcome', async () => {
    const h = await harness({ loginOutcome: 'challenge_html' })
    const res = await h.auth0()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(await res.text()).toMatch(/Verify you are human/)
  })

  it('should refuse valid credentials at AjaxLogin for an account migrated to Auth0, but not at Auth0', async () => {
    const h = await harness({ loginOutcome: 'migrated' })
    const ajax = await h.request('/api/Login/AjaxLogin', { body: { username: h.tenant.username, password: h.tenant.password } })
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
  it('should require the portaltype header and a session', async () => {
    const h = await harness()
    const token = await h.login()
    expect((await h.request('/api/AccountInfo/GlobalInfo', { token, headers: { portaltype: '2' } })).status).toBe(400)
    expect(await (await h.request('/api/AccountInfo/GlobalInfo', { token: 'bogus' })).json()).toMatchObject({ success: false, needsToRelogin: true })
    const info = await (await h.request('/api/AccountInfo/GlobalInfo', { token })).json()
    expect(info).toEqual({ success: true, message: null, needsToRelogin: false, sessionJobInfo: null, data: expect.objectContaining({ builderId: h.tenant.builderId }), metadata: null, forcedUpgrade: false })
  })

  it.each([
    ['relogin', 200, /"needsToRelogin":true/],
    ['redirect', 302, /^$/],
    ['html', 200, /Log In \| Buildertrend/],
  ] as const)('should end sessions as %s after the staged number of requests', async (mode, status, body) => {
    const h = await harness()
    const token = await h.login()
    await h.sandbox.app.request(`/__control/tenants/${h.tenant.id}/expire-sessions`, { method: 'POST', body: JSON.stringify({ mode, afterRequests: 2 }) })
    for (let i = 0; i < 2; i++) expect((await h.request('/api/AccountInfo/GlobalInfo', { token })).status).toBe(200)
    const ended = await h.request('/api/AccountInfo/GlobalInfo', { token })
    expect(ended.status).toBe(status)
    if (mode === 'redirect') expect(ended.headers.get('location')).toBe('/app/error')
    expect(await ended.text()).toMatch(body)
    const fresh = await h.login()
    expect((await h.request('/api/AccountInfo/GlobalInfo', { token: fresh })).status).toBe(200)
  })

  it('should answer an expired /apix session with 401 rather than an envelope', async () => {
    const h = await harness()
    const token = await h.login()
    h.tenant.sessions.set(token, 'relogin')
    const res = await h.request('/apix/v2/JobCostingBudget', { token, body: { jobId: [...h.tenant.jobs.keys()][0], filter: '{}' } })
    expect(res.status).toBe(401)
  })
})
