import { describe, expect, it } from 'vitest'
import { EXAKTIME_DEMO } from '../sandbox'
import { harness } from '../test/harness'

const { apiKey, readOnlyApiKey } = EXAKTIME_DEMO

describe('the Arcoro gateway', () => {
  it('should answer 401 with an OData error body for a missing or unknown key', async () => {
    const { api } = harness()
    const missing = await api('/v1/Common/Locations', null)
    expect(missing.status).toBe(401)
    expect(missing.body).toEqual({ error: { code: 'Unauthorized', message: expect.stringContaining('missing subscription key') } })
    expect((await api('/odata/DwUsers', 'nope')).body).toEqual({ error: { code: 'Unauthorized', message: expect.stringContaining('invalid subscription key') } })
  })

  it('should serve no username/password sign-in and take no bearer token instead of a key', async () => {
    const { api } = harness()
    expect((await api('/connect/acme/login', apiKey, { method: 'POST', json: { username: 'admin@acme.test', password: 'x' } })).status).toBe(404)
    const bearer = await api('/odata/DwUsers', null, { headers: { authorization: `Bearer ${apiKey}` } })
    expect(bearer.body).toEqual({ error: { code: 'Unauthorized', message: expect.stringContaining('missing subscription key') } })
  })

  it('should refuse a key without access to a set or resource with 403 naming it, and let it read the rest', async () => {
    const { api, control } = harness()
    const { body } = await control<{ key: string }>('/tenants/acme/api-keys', { json: { access: 'read', denied: ['DwTimeRecords', 'Employees'] } })
    expect(await api('/odata/DwTimeRecords?$top=1', body.key)).toMatchObject({ status: 403, body: { error: { code: 'Forbidden', message: 'This API key has no access to DwTimeRecords.' } } })
    expect(await api('/v1/Common/Persons/Employees', body.key)).toMatchObject({ status: 403, body: { error: { message: 'This API key has no access to Employees.' } } })
    expect((await api('/odata/DwPayPeriods?$top=1', body.key)).status).toBe(200)
    expect((await api('/v1/Time/CostCodes', body.key)).status).toBe(200)
  })

  it('should let a read-only key read but not write', async () => {
    const { api } = harness()
    expect((await api('/v1/Time/Jobs', readOnlyApiKey)).status).toBe(200)
    const write = await api('/v1/Time/Jobs', readOnlyApiKey, { method: 'POST', json: { identifier: 'X-1', name: 'New' } })
    expect(write).toMatchObject({ status: 403, body: { error: { code: 'Forbidden' } } })
    expect((await api('/v1/Time/Jobs', apiKey, { method: 'POST', json: { identifier: 'X-1', name: 'New' } })).status).toBe(201)
  })

  it('should throttle per minute with Retry-After, and admit again in the next window', async () => {
    let clock = Date.parse('2026-06-10T15:00:00Z')
    const { api, control } = harness(() => clock)
    await control('/tenants/acme', { method: 'PATCH', json: { rateLimitPerMinute: 3, retryAfterSeconds: 7 } })
    for (let i = 0; i < 3; i++) expect((await api('/odata/DwUsers?$top=1', apiKey)).status).toBe(200)
    const limited = await api('/odata/DwUsers?$top=1', apiKey)
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'TooManyRequests' } } })
    expect(limited.headers.get('retry-after')).toBe('7')
    clock += 60_000
    expect((await api('/odata/DwUsers?$top=1', apiKey)).status).toBe(200)
  })

  it('should serve injected faults, then recover, and log every request with its status', async () => {
    const { api, control } = harness()
    await control('/tenants/acme/faults', { json: [{ status: 503, html: true, path: '/odata/DwTimeRecords' }, { status: 500, count: 1, path: '/v1/Common/Locations' }] })
    const html = await api('/odata/DwTimeRecords?$top=1', apiKey)
    expect(html.status).toBe(503)
    expect(html.headers.get('content-type')).toContain('text/html')
    expect((await api('/v1/Common/Locations', apiKey)).status).toBe(500)
    expect((await api('/v1/Common/Locations', apiKey)).status).toBe(200)
    const log = await control<{ entries: Array<{ path: string; status: number }> }>('/tenants/acme/requests')
    expect(log.body.entries.map((e) => `${e.status} ${e.path}`)).toEqual(['503 /odata/DwTimeRecords?$top=1', '500 /v1/Common/Locations', '200 /v1/Common/Locations'])
  })
})
