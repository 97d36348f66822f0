import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ConnectionView, ForceSyncResponse } from '../../shared/api/connections'
import { captureQueue, sandboxUrl } from '../../tools/test/aspire-sandbox'
import { insertConnection } from '../../tools/test/connection-fixtures'
import { call, orgWithAdmin, userWithRole } from '../../tools/test/fixtures'

describe('/api/v1/connections without a vendor', () => {
  beforeEach(() => {
    // These tests are about the API around a connection; keep the sync consumer out of them.
    vi.spyOn(env.SYNC_QUEUE, 'send').mockResolvedValue({ metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } } as unknown as QueueSendResponse)
  })

  it('should name each invalid credentials and settings field before contacting the vendor', async () => {
    const { token } = await orgWithAdmin()
    const res = await call('/api/v1/connections', {
      method: 'POST',
      token,
      json: { vendor: 'aspire', credentials: { clientId: '   ' }, settings: { syncStartDate: 'last tuesday' } },
    })
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: { message: string } }
    expect(error.message).toContain('credentials.clientId: Client ID is required')
    expect(error.message).toContain('credentials.secret')
    expect(error.message).toContain('settings.syncStartDate')
  })

  it('should refuse an unknown vendor with a clear message', async () => {
    const { token } = await orgWithAdmin()
    const res = await call('/api/v1/connections', { method: 'POST', token, json: { vendor: 'procore', credentials: {}, settings: {} } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/vendor/)
  })

  it('should let only admins connect, and only admins and managers see connections', async () => {
    const { token, orgId } = await orgWithAdmin()
    await insertConnection(orgId)
    const manager = await userWithRole(token, 'manager')
    const lead = await userWithRole(token, 'crew_lead')
    const body = { vendor: 'aspire', credentials: { clientId: 'a', secret: 'b' }, settings: { syncStartDate: '2026-01-01' } }
    expect((await call('/api/v1/connections', { method: 'POST', token: manager.token, json: body })).status).toBe(403)
    expect((await call('/api/v1/connections', { token: manager.token })).status).toBe(200)
    expect((await call('/api/v1/connections', { token: lead.token })).status).toBe(403)
  })

  it("should answer another organisation's connection as not found on every route", async () => {
    const acme = await orgWithAdmin('Acme')
    const globex = await orgWithAdmin('Globex')
    const id = await insertConnection(globex.orgId)
    for (const [method, path, json] of [
      ['GET', `/api/v1/connections/${id}`],
      ['PATCH', `/api/v1/connections/${id}`, { paused: true }],
      ['DELETE', `/api/v1/connections/${id}`],
      ['POST', `/api/v1/connections/${id}/sync`],
      ['GET', `/api/v1/connections/${id}/runs`],
    ] as const) {
      const res = await call(path, { method, token: acme.token, json })
      expect(res.status, `${method} ${path}`).toBe(404)
    }
    const list = (await (await call('/api/v1/connections', { token: acme.token })).json()) as { connections: unknown[] }
    expect(list.connections).toEqual([])
  })

  it('should never return credentials', async () => {
    const { token, orgId } = await orgWithAdmin()
    const id = await insertConnection(orgId)
    const text = await (await call(`/api/v1/connections/${id}`, { token })).text()
    const view = ConnectionView.parse(JSON.parse(text))
    expect(view.id).toBe(id)
    expect(text).not.toMatch(/fixture-secret|fixture-client|ciphertext|credentials/i)
  })

  it('should start a forced sync at once, then refuse another within the cooldown with Retry-After', async () => {
    const { token, orgId } = await orgWithAdmin()
    const id = await insertConnection(orgId, { status: 'ok' })
    const first = await call(`/api/v1/connections/${id}/sync`, { method: 'POST', token })
    expect(first.status).toBe(202)
    expect(ForceSyncResponse.parse(await first.json()).started).toBe(true)
    expect(env.SYNC_QUEUE.send).toHaveBeenCalledWith(expect.objectContaining({ kind: 'sync', connectionId: id, trigger: 'manual' }))
    const second = await call(`/api/v1/connections/${id}/sync`, { method: 'POST', token })
    expect(second.status).toBe(429)
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(50)
    expect(((await second.json()) as { error: { message: string } }).error.message).toMatch(/Try again in \d+ s/)
  })

  it('should pause and, on resume, start a sync immediately', async () => {
    const { token, orgId } = await orgWithAdmin()
    const id = await insertConnection(orgId, { status: 'ok' })
    const paused = ConnectionView.parse(await (await call(`/api/v1/connections/${id}`, { method: 'PATCH', token, json: { paused: true } })).json())
    expect(paused).toMatchObject({ status: 'paused', paused: true, nextRunAt: null })
    expect((await call(`/api/v1/connections/${id}/sync`, { method: 'POST', token })).status).toBe(409)
    const resumed = ConnectionView.parse(await (await call(`/api/v1/connections/${id}`, { method: 'PATCH', token, json: { paused: false } })).json())
    expect(resumed.paused).toBe(false)
    expect(env.SYNC_QUEUE.send).toHaveBeenCalledWith(expect.objectContaining({ connectionId: id }))
  })

  it('should refuse an empty PATCH', async () => {
    const { token, orgId } = await orgWithAdmin()
    const id = await insertConnection(orgId)
    const res = await call(`/api/v1/connections/${id}`, { method: 'PATCH', token, json: {} })
    expect(res.status).toBe(400)
  })
})

describe('/api/v1/connections against the Aspire sandbox', () => {
  it('should answer credentials holding a lone surrogate as the vendor does (422), not fail', async () => {
    captureQueue()
    const { token } = await orgWithAdmin()
    const res = await call('/api/v1/connections', {
      method: 'POST',
      token,
      json: { vendor: 'aspire', credentials: { clientId: 'a\ud83db', secret: 'not-the-secret' }, settings: { syncStartDate: '2026-01-01', baseUrl: sandboxUrl() } },
    })
    expect(res.status).toBe(422)
  })
})
