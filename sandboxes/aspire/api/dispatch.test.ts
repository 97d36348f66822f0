import { describe, expect, it } from 'vitest'
import { harness } from '../test/harness'

describe('routing', () => {
  it('should answer 404 for a path Aspire does not have, even without a bearer', async () => {
    const h = await harness()
    expect((await h.api('/WorkTicket', { token: null })).status).toBe(404)
    expect((await h.api('/api/v1/WorkTickets')).status).toBe(404)
    expect((await h.api('/WorkTickets/123')).status).toBe(404)
  })

  it('should treat paths as case-sensitive', async () => {
    const h = await harness()
    expect((await h.api('/worktickets')).status).toBe(404)
  })

  it('should answer 405 with Allow for a verb the path lacks', async () => {
    const h = await harness()
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await h.api('/WorkTicketTimes', { method, body: {} })
      expect(res.status, method).toBe(405)
      expect(res.headers.get('Allow')).toBe('GET, POST')
    }
    expect((await h.api('/WorkTickets', { method: 'POST', body: {} })).status).toBe(405)
    expect((await h.api('/Authorization', { method: 'GET' })).status).toBe(405)
  })

  it('should answer 501 for real operations the sandbox does not simulate, after auth', async () => {
    const h = await harness()
    expect((await h.api('/Invoices')).status).toBe(501)
    expect((await h.api('/Opportunities', { method: 'POST', body: {} })).status).toBe(501)
    expect((await h.api('/Invoices', { token: null })).status).toBe(401)
  })

  it('should accept api-version 1.0 and reject other versions', async () => {
    const h = await harness()
    expect((await h.api('/Branches?api-version=1.0')).status).toBe(200)
    const res = await h.api('/Branches?api-version=2.0')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toContain("'2.0'")
  })

  it('should answer 415 to a write whose body is not declared as JSON', async () => {
    const h = await harness()
    const res = await h.api('/PayRates', { method: 'POST', body: {}, headers: { 'Content-Type': 'text/plain' } })
    expect(res.status).toBe(415)
    const login = await h.sandbox.app.request('/Authorization', { method: 'POST', body: JSON.stringify({ ClientId: h.tenant.clientId, Secret: h.tenant.options.secret }) })
    expect(login.status).toBe(415)
  })
})
