import { describe, expect, it, vi } from 'vitest'
import { send } from '../messaging/send'
import { aConnection, apiError, stubBackend } from '../test-support/connection'
import { signedInExtension } from '../test-support/signed-in'

describe('connection messages', () => {
  signedInExtension()

  it('should list connections with the stored token', async () => {
    const requests = stubBackend(() => ({ status: 200, body: { connections: [aConnection()] } }))
    const answer = await send('connections:list', {})
    expect(answer.connections.map((c) => c.id)).toEqual(['conn_1'])
    expect(requests).toMatchObject([{ method: 'GET', path: '/api/v1/connections', authorization: 'Bearer pvc_test_token' }])
  })

  it('should create a connection with exactly the body the API expects', async () => {
    const requests = stubBackend(() => ({ status: 201, body: aConnection({ status: 'syncing', firstSync: true }) }))
    const body = { vendor: 'aspire' as const, credentials: { clientId: 'id', secret: 's' }, settings: { syncStartDate: '2026-01-01' } }
    expect((await send('connections:create', body)).status).toBe('syncing')
    expect(requests).toMatchObject([{ method: 'POST', path: '/api/v1/connections', body }])
  })

  it("should pass the server's message on, as given", async () => {
    stubBackend(() => apiError(422, 'unprocessable', 'Aspire refused this Client ID and Secret.'))
    await expect(
      send('connections:create', { vendor: 'aspire', credentials: { clientId: 'id', secret: 'bad' }, settings: { syncStartDate: '2026-01-01' } }),
    ).rejects.toThrow('Aspire refused this Client ID and Secret.')
  })

  it('should say the backend is unreachable when fetch fails', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    await expect(send('connections:get', { id: 'conn_1' })).rejects.toThrow('Cannot reach the Protiv backend at http://127.0.0.1:8787')
  })

  it('should report an accepted force sync with the refreshed connection', async () => {
    const requests = stubBackend(() => ({ status: 202, body: { started: true, message: 'Sync started.', connection: aConnection({ status: 'syncing' }) } }))
    expect(await send('connections:forceSync', { id: 'conn_1' })).toMatchObject({ kind: 'accepted', started: true, message: 'Sync started.' })
    expect(requests).toMatchObject([{ method: 'POST', path: '/api/v1/connections/conn_1/sync' }])
  })

  it("should turn a 429 into a cooldown with the Retry-After seconds", async () => {
    stubBackend(() => apiError(429, 'rate_limited', 'A sync was forced less than a minute ago. Try again in 42 s.', { 'Retry-After': '42' }))
    expect(await send('connections:forceSync', { id: 'conn_1' })).toEqual({
      kind: 'cooldown',
      message: 'A sync was forced less than a minute ago. Try again in 42 s.',
      retryAfterSeconds: 42,
    })
  })

  it('should still count down a minute when a 429 has no Retry-After', async () => {
    stubBackend(() => apiError(429, 'rate_limited', 'Slow down.'))
    expect(await send('connections:forceSync', { id: 'conn_1' })).toMatchObject({ kind: 'cooldown', retryAfterSeconds: 60 })
  })

  it('should fail a force sync the server refuses for another reason', async () => {
    stubBackend(() => apiError(409, 'conflict', 'This connection is paused. Resume it to sync.'))
    await expect(send('connections:forceSync', { id: 'conn_1' })).rejects.toThrow('This connection is paused. Resume it to sync.')
  })
})
