import { describe, expect, it } from 'vitest'
import { decodeJwt } from '../auth/jwt'
import { harness } from '../test/harness'

describe('POST /Authorization', () => {
  it('should return a JWT-shaped token expiring in 24 hours and a refresh token', async () => {
    const h = await harness()
    const res = await h.login()
    expect(res.status).toBe(200)
    const body = (await res.json()) as { Token: string; RefreshToken: string }
    expect(Object.keys(body)).toEqual(['Token', 'RefreshToken'])
    expect(body.Token.split('.')).toHaveLength(3)
    const claims = decodeJwt(body.Token)!
    expect(claims.exp).toBe(Math.floor(h.tenant.now() / 1000) + 24 * 3600)
    expect(typeof body.RefreshToken).toBe('string')
  })

  it('should answer 404 to a wrong secret or an unknown ClientId by default', async () => {
    const h = await harness()
    expect((await h.login({ ClientId: h.tenant.clientId, Secret: 'wrong' })).status).toBe(404)
    expect((await h.login({ ClientId: 'nobody', Secret: 'x' })).status).toBe(404)
  })

  it('should answer 401 to bad credentials when the tenant is configured so', async () => {
    const h = await harness({ config: { badCredentialsStatus: 401 } })
    expect((await h.login({ ClientId: h.tenant.clientId, Secret: 'wrong' })).status).toBe(401)
  })

  it('should answer 400 when ClientId or Secret is missing', async () => {
    const h = await harness()
    const res = await h.api('/Authorization', { method: 'POST', body: { ClientId: h.tenant.clientId }, token: null })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ errors: { Secret: ['The Secret field is required.'] } })
  })

  it('should honour a short token lifetime', async () => {
    const h = await harness({ config: { tokenLifetimeSeconds: 60 } })
    expect(decodeJwt(h.token)!.exp).toBe(Math.floor(h.tenant.now() / 1000) + 60)
  })
})

describe('POST /Authorization/RefreshToken', () => {
  it('should exchange a refresh token for a new pair, once', async () => {
    const h = await harness()
    const { RefreshToken } = (await (await h.login()).json()) as { RefreshToken: string }
    const first = await h.api('/Authorization/RefreshToken', { method: 'POST', body: { RefreshToken }, token: null })
    expect(first.status).toBe(200)
    const pair = (await first.json()) as { Token: string }
    expect((await h.api('/Branches', { token: pair.Token })).status).toBe(200)
    expect((await h.api('/Authorization/RefreshToken', { method: 'POST', body: { RefreshToken }, token: null })).status).toBe(404)
  })

  it('should reject an unknown refresh token and a missing one', async () => {
    const h = await harness()
    expect((await h.api('/Authorization/RefreshToken', { method: 'POST', body: { RefreshToken: 'nope' }, token: null })).status).toBe(404)
    expect((await h.api('/Authorization/RefreshToken', { method: 'POST', body: {}, token: null })).status).toBe(400)
  })
})

describe('bearer checks', () => {
  it('should answer 401 with WWW-Authenticate when the bearer is missing or unknown', async () => {
    const h = await harness()
    const missing = await h.api('/WorkTickets', { token: null })
    expect(missing.status).toBe(401)
    expect(missing.headers.get('WWW-Authenticate')).toBe('Bearer')
    const unknown = await h.api('/WorkTickets', { token: 'not-a-token' })
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('WWW-Authenticate')).toContain('invalid_token')
  })

  it('should answer 401 once the token has expired on the tenant clock', async () => {
    let now = Date.parse('2026-11-18T15:00:00Z')
    const h = await harness({ config: { tokenLifetimeSeconds: 120 } }, () => now)
    expect((await h.api('/Branches')).status).toBe(200)
    now += 121_000
    const res = await h.api('/Branches')
    expect(res.status).toBe(401)
    expect(res.headers.get('WWW-Authenticate')).toContain('The token expired')
  })

  it('should expire tokens when the tenant clock is advanced past exp', async () => {
    const h = await harness()
    await h.control(`/tenants/${h.tenant.clientId}/clock`, { method: 'POST', body: { advanceHours: 25 } })
    expect((await h.api('/Branches')).status).toBe(401)
    expect((await h.login()).status).toBe(200)
  })

  it('should answer 403 outside the key scope and 200 inside it', async () => {
    const h = await harness({ config: { scopes: ['WorkTickets'] } })
    expect((await h.api('/WorkTickets')).status).toBe(200)
    const res = await h.api('/WorkTicketTimes')
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ message: "The API key is not authorized for 'WorkTicketTimes'." })
  })

  it('should not let one tenant read another tenant with its token', async () => {
    const h = await harness({ size: 'empty' })
    const other = h.sandbox.createTenant({ size: 'small', anchorDate: '2026-11-18' })
    expect(other.data.WorkTickets.size).toBeGreaterThan(0)
    expect(await h.get('/WorkTickets')).toEqual([])
  })
})

describe('GET /Version/GetApiVersion', () => {
  it('should answer without a bearer', async () => {
    const h = await harness()
    const res = await h.api('/Version/GetApiVersion', { token: null })
    expect(res.status).toBe(200)
    expect(await res.json()).toBe('1.0')
  })
})
