import { describe, expect, it } from 'vitest'
import { harness, q, type Harness } from '../test/harness'

const addFault = (h: Harness, fault: Record<string, unknown>) => h.control(`/tenants/${h.tenant.clientId}/faults`, { method: 'POST', body: fault })
const log = async (h: Harness) => ((await (await h.control(`/tenants/${h.tenant.clientId}/requests`)).json()) as { total: number; entries: Array<Record<string, unknown>> })

describe('fault switches', () => {
  it('should answer the next N requests with an injected status, then recover', async () => {
    const h = await harness()
    expect((await addFault(h, { kind: 'status', status: 500, count: 2 })).status).toBe(201)
    expect((await h.api('/Branches')).status).toBe(500)
    expect((await h.api('/Branches')).status).toBe(500)
    expect((await h.api('/Branches')).status).toBe(200)
  })

  it('should inject 429 with Retry-After when the tenant has that switch on', async () => {
    const h = await harness({ config: { retryAfter: true } })
    await addFault(h, { kind: 'status', status: 429 })
    const res = await h.api('/Branches')
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('60')
    expect(await res.json()).toEqual({ message: 'API rate limit exceeded.' })
  })

  it('should only hit the matching path', async () => {
    const h = await harness()
    await addFault(h, { kind: 'status', status: 503, path: '/WorkTicketTimes' })
    expect((await h.api('/WorkTickets')).status).toBe(200)
    expect((await h.api('/WorkTicketTimes')).status).toBe(503)
  })

  it('should serve an HTML error page', async () => {
    const h = await harness()
    await addFault(h, { kind: 'html', status: 502 })
    const res = await h.api('/Branches')
    expect(res.status).toBe(502)
    expect(res.headers.get('Content-Type')).toContain('text/html')
    expect(await res.text()).toContain('<h1>502 Bad Gateway</h1>')
  })

  it('should delay responses', async () => {
    const h = await harness()
    await addFault(h, { kind: 'delay', ms: 120, count: 1 })
    const started = performance.now()
    expect((await h.api('/Branches')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(110)
  })

  it('should truncate the chosen page only', async () => {
    const h = await harness({ size: 'demo' })
    await addFault(h, { kind: 'truncate', page: 2, keep: 10, path: '/WorkTicketTimes' })
    expect(await h.get(`/WorkTicketTimes${q({ $limit: 100, $pageNumber: 1 })}`)).toHaveLength(100)
    expect(await h.get(`/WorkTicketTimes${q({ $limit: 100, $pageNumber: 2 })}`)).toHaveLength(10)
    expect(await h.get(`/WorkTicketTimes${q({ $limit: 100, $pageNumber: 2 })}`)).toHaveLength(100)
  })

  it('should apply a write and then lose its response', async () => {
    const h = await harness({ size: 'demo' })
    const ticket = h.tenant.data.WorkTickets.all()[0]!
    const employee = h.tenant.data.Contacts.all()[1]!
    await addFault(h, { kind: 'lost-response', path: '/WorkTicketTimes' })
    const before = h.tenant.data.WorkTicketTimes.size
    const res = await h.api('/WorkTicketTimes', {
      method: 'POST',
      body: { ContactID: employee.ContactID, WorkTicketID: ticket.WorkTicketID, StartTime: '2026-11-17T07:00:00', EndTime: '2026-11-17T08:00:00' },
    })
    expect(res.status).toBe(502)
    expect(h.tenant.data.WorkTicketTimes.size).toBe(before + 1)
    expect((await log(h)).entries.at(-1)).toMatchObject({ method: 'POST', status: 502, fault: 'lost-response' })
  })

  it('should expire all tokens now and let clients log in again', async () => {
    const h = await harness()
    expect((await h.control(`/tenants/${h.tenant.clientId}/expire-tokens`, { method: 'POST' })).status).toBe(204)
    expect((await h.api('/Branches')).status).toBe(401)
    const { Token } = (await (await h.login()).json()) as { Token: string }
    expect((await h.api('/Branches', { token: Token })).status).toBe(200)
  })

  it('should keep refresh tokens usable unless asked to expire them too', async () => {
    const h = await harness()
    const { RefreshToken } = (await (await h.login()).json()) as { RefreshToken: string }
    await h.control(`/tenants/${h.tenant.clientId}/expire-tokens`, { method: 'POST', body: { refreshTokens: true } })
    expect((await h.api('/Authorization/RefreshToken', { method: 'POST', body: { RefreshToken }, token: null })).status).toBe(404)
  })

  it('should reject a malformed fault', async () => {
    const h = await harness()
    expect((await addFault(h, { kind: 'explode' })).status).toBe(400)
  })
})

describe('rate limit', () => {
  it('should answer 429 with a JSON message once the minute budget is spent, and refill with the clock', async () => {
    const h = await harness({ config: { rateLimit: { perMinute: 5 } } })
    // The login in the harness spent one request.
    for (let i = 0; i < 4; i++) expect((await h.api('/Branches')).status).toBe(200)
    const limited = await h.api('/Branches')
    expect(limited.status).toBe(429)
    expect(await limited.json()).toEqual({ message: 'API rate limit exceeded. The limit is 5 requests per minute.' })
    expect(limited.headers.get('Retry-After')).toBeNull()
    await h.control(`/tenants/${h.tenant.clientId}/clock`, { method: 'POST', body: { advanceSeconds: 12 } })
    expect((await h.api('/Branches')).status).toBe(200)
  })

  it('should send Retry-After when switched on', async () => {
    const h = await harness({ config: { rateLimit: { perMinute: 1 }, retryAfter: true } })
    const res = await h.api('/Branches')
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('60')
  })

  it('should use the sandbox profile of 60 per minute', async () => {
    const h = await harness({ config: { rateLimit: 'sandbox' } })
    const statuses: number[] = []
    for (let i = 0; i < 60; i++) statuses.push((await h.api('/Branches')).status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(59)
    expect(statuses.at(-1)).toBe(429)
  })
})

describe('request log', () => {
  it('should record method, path with query and status in order', async () => {
    const h = await harness()
    await h.api('/Branches?$top=1')
    await h.api('/Nope')
    const { total, entries } = await log(h)
    expect(total).toBe(3)
    expect(entries.map(({ seq, method, path, status }) => ({ seq, method, path, status }))).toEqual([
      { seq: 1, method: 'POST', path: '/Authorization', status: 200 },
      { seq: 2, method: 'GET', path: '/Branches?$top=1', status: 200 },
      { seq: 3, method: 'GET', path: '/Nope', status: 404 },
    ])
    expect((await (await h.control(`/tenants/${h.tenant.clientId}/requests?since=2`)).json()) as { entries: unknown[] }).toMatchObject({ entries: [{ seq: 3 }] })
    await h.control(`/tenants/${h.tenant.clientId}/requests`, { method: 'DELETE' })
    expect((await log(h)).total).toBe(0)
  })
})
