import { describe, expect, it } from 'vitest'
import { MeResponse, Organization } from '../../shared/api/auth'
import { call, orgWithAdmin, userWithRole } from '../../tools/test/fixtures'

const patch = (token: string, json: unknown) => call('/api/v1/organization', { method: 'PATCH', token, json })

describe('/api/v1/organization', () => {
  it('should default a new organisation to en-US and USD, and say so in /me', async () => {
    const { token } = await orgWithAdmin('Acme')
    const me = MeResponse.parse(await (await call('/api/v1/me', { token })).json())
    expect(me.organization).toMatchObject({ name: 'Acme', locale: 'en-US', currency: 'USD' })
    const org = Organization.parse(await (await call('/api/v1/organization', { token })).json())
    expect(org).toEqual(me.organization)
  })

  it('should let an admin set locale, currency and time zone, canonicalised, and /me then return them', async () => {
    const { token } = await orgWithAdmin('Berliner Gärten')
    const res = await patch(token, { locale: 'de-de', currency: 'eur', timeZone: 'Europe/Berlin' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ locale: 'de-DE', currency: 'EUR', timeZone: 'Europe/Berlin', name: 'Berliner Gärten' })
    const me = MeResponse.parse(await (await call('/api/v1/me', { token })).json())
    expect(me.organization).toMatchObject({ locale: 'de-DE', currency: 'EUR', timeZone: 'Europe/Berlin' })
  })

  it('should refuse what Intl cannot format with 400 naming each field', async () => {
    const { token } = await orgWithAdmin()
    const res = await patch(token, { locale: 'not a locale!', currency: 'EURO', timeZone: 'Mars/Olympus' })
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: { message: string; details: { path: string }[] } }
    expect(error.details.map((d) => d.path).sort()).toEqual(['currency', 'locale', 'timeZone'])
    expect(error.message).toContain('currency "EURO" is not an ISO 4217 currency code')
    expect((await patch(token, { currency: 'XYZ' })).status).toBe(400)
    expect((await patch(token, {})).status).toBe(400)
    const org = Organization.parse(await (await call('/api/v1/organization', { token })).json())
    expect(org).toMatchObject({ locale: 'en-US', currency: 'USD' })
  })

  it('should let only admins change it, and only their own organisation', async () => {
    const acme = await orgWithAdmin('Acme')
    const globex = await orgWithAdmin('Globex')
    const manager = await userWithRole(acme.token, 'manager')
    expect((await patch(manager.token, { currency: 'CAD' })).status).toBe(403)
    expect((await call('/api/v1/organization', { token: manager.token })).status).toBe(200)
    expect((await patch(acme.token, { currency: 'CAD' })).status).toBe(200)
    const other = Organization.parse(await (await call('/api/v1/organization', { token: globex.token })).json())
    expect(other).toMatchObject({ name: 'Globex', currency: 'USD' })
  })
})
