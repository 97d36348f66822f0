import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { ConnectionView } from '../../../shared/api/connections'
import { captureQueue, cronCycle, drain } from '../../../tools/test/aspire-sandbox'
import {
  btBrowserSession,
  btControl,
  browserSessionCredentials,
  connectBuildertrendSessionRequest,
  createBtTenant,
} from '../../../tools/test/buildertrend-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'
import { BROWSER_SESSION_ENDED } from './auth'

const connection = async (token: string, id: string) => ConnectionView.parse(await (await call(`/api/v1/connections/${id}`, { token })).json())
const requestLog = async (tenantId: string) => (await btControl<{ requests: Array<{ method: string; path: string; status: number }> }>(`/tenants/${tenantId}/requests`)).requests
const messageOf = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message
const sealed = async (id: string) =>
  (await env.DB.prepare('SELECT credentials_ciphertext AS ciphertext, credentials_iv AS iv FROM connections WHERE id = ?').bind(id).first<{ ciphertext: string; iv: string }>())!
const refresh = (token: string, id: string, cookies: Array<{ name: string; value: string }>) =>
  call(`/api/v1/connections/${id}`, { method: 'PATCH', token, json: { credentials: browserSessionCredentials(cookies) } })

describe('connecting Buildertrend with a signed-in browser session', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should sync with the session cookies alone, never signing in, and keep no other cookie', async () => {
    const tenant = await createBtTenant({ size: 'small', builderName: 'Cedar Homes' })
    const { token } = await orgWithAdmin()
    const cookies = [...(await btBrowserSession(tenant)), { name: '_ga', value: 'GA1.2.tracking-cookie' }]
    const res = await connectBuildertrendSessionRequest(token, cookies)
    expect(res.status).toBe(201)
    const created = ConnectionView.parse(await res.json())
    expect(created.accountLabel).toBe('Buildertrend: Cedar Homes')
    await drain(queue)
    expect((await connection(token, created.id)).status).toBe('ok')
    const log = await requestLog(tenant.id)
    expect(log.some((r) => r.path.startsWith('/api/TimeClock/Grid'))).toBe(true)
    expect(log.filter((r) => /oauth\/token|AjaxLogin/.test(r.path))).toEqual([])
    // Nothing of the cookies is readable in the database; the tracking cookie was not even sealed.
    const row = await env.DB.prepare('SELECT * FROM connections WHERE id = ?').bind(created.id).first<Record<string, unknown>>()
    const stored = JSON.stringify(row)
    for (const cookie of cookies) expect(stored).not.toContain(cookie.value)
    expect(JSON.stringify(await connection(token, created.id))).not.toContain(cookies[0]!.value)
  })

  it('should go relink_needed with the session words when Buildertrend ends the session, and leave it on a fresh session', async () => {
    const tenant = await createBtTenant({ size: 'empty' })
    const { token } = await orgWithAdmin()
    const created = ConnectionView.parse(await (await connectBuildertrendSessionRequest(token, await btBrowserSession(tenant))).json())
    await drain(queue)
    await btControl(`/tenants/${tenant.id}/expire-sessions`, { json: { mode: 'redirect' } })
    await call(`/api/v1/connections/${created.id}/sync`, { method: 'POST', token })
    await drain(queue)
    const ended = await connection(token, created.id)
    expect(ended.status).toBe('relink_needed')
    expect(ended.lastError).toMatchObject({ code: 'session_expired', message: BROWSER_SESSION_ENDED })
    // What tells the extension to send the admin to buildertrend.net rather than to a password form.
    expect(ended.credentialKind).toBe('browser_session')
    // Still no sign-in attempt: a browser session is never renewed with a password.
    expect((await requestLog(tenant.id)).filter((r) => /oauth\/token|AjaxLogin/.test(r.path))).toEqual([])

    const refreshed = await refresh(token, created.id, await btBrowserSession(tenant))
    expect(refreshed.status).toBe(200)
    expect(queue.length).toBeGreaterThan(0)
    await drain(queue)
    expect((await connection(token, created.id)).status).toBe('ok')
  })

  it('should say which kind of credentials the connection holds, following a reconnect from a session to a password', async () => {
    const tenant = await createBtTenant({ size: 'empty' })
    const { token } = await orgWithAdmin()
    const created = ConnectionView.parse(await (await connectBuildertrendSessionRequest(token, await btBrowserSession(tenant))).json())
    expect(created.credentialKind).toBe('browser_session')
    const res = await call(`/api/v1/connections/${created.id}`, { method: 'PATCH', token, json: { credentials: { kind: 'password', username: tenant.username, password: tenant.password } } })
    expect(res.status).toBe(200)
    expect(ConnectionView.parse(await res.json()).credentialKind).toBe('password')
    const listed = (await (await call('/api/v1/connections', { token })).json()) as { connections: ConnectionView[] }
    expect(listed.connections.map((c) => [c.id, c.credentialKind])).toEqual([[created.id, 'password']])
    expect(JSON.stringify(listed)).not.toContain(tenant.password)
  })

  it('should refuse a session of another Buildertrend company with a 409 naming both, keeping the old credentials', async () => {
    const ours = await createBtTenant({ size: 'empty', builderName: 'Cedar Homes' })
    const theirs = await createBtTenant({ size: 'empty', builderName: 'Birch Builders' })
    const { token } = await orgWithAdmin()
    const created = ConnectionView.parse(await (await connectBuildertrendSessionRequest(token, await btBrowserSession(ours))).json())
    const res = await refresh(token, created.id, await btBrowserSession(theirs))
    expect(res.status).toBe(409)
    expect(await messageOf(res)).toBe(
      'This browser is signed in to a different Buildertrend company (Buildertrend: Birch Builders) than this connection (Buildertrend: Cedar Homes). Sign in to Buildertrend as a user of Buildertrend: Cedar Homes and try again, or connect the other company as a new connection.',
    )
    await drain(queue)
    const kept = await connection(token, created.id)
    expect([kept.status, kept.accountLabel]).toEqual(['ok', 'Buildertrend: Cedar Homes'])
  })

  it('should take a session of the same company after it was renamed in Buildertrend, the label following the new name', async () => {
    const tenant = await createBtTenant({ size: 'empty', builderName: 'Cedar Homes' })
    const { token } = await orgWithAdmin()
    const created = ConnectionView.parse(await (await connectBuildertrendSessionRequest(token, await btBrowserSession(tenant))).json())
    await drain(queue)
    await btControl(`/tenants/${tenant.id}`, { method: 'PATCH', json: { builderName: 'Cedar & Oak Homes' } })
    const res = await refresh(token, created.id, await btBrowserSession(tenant))
    expect(res.status).toBe(200)
    await drain(queue)
    const renamed = await connection(token, created.id)
    expect([renamed.status, renamed.accountLabel]).toEqual(['ok', 'Buildertrend: Cedar & Oak Homes'])
    // Connecting it again as a new connection is still "already connected", whatever its name now.
    const again = await connectBuildertrendSessionRequest(token, await btBrowserSession(tenant))
    expect(again.status).toBe(409)
    expect(await messageOf(again)).toContain(`connection ${created.id}`)
  })

  it('should keep the session Buildertrend re-issued during a sync, so the connection outlives the cookies it was given', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const given = await btBrowserSession(tenant)
    const created = ConnectionView.parse(await (await connectBuildertrendSessionRequest(token, given)).json())
    await drain(queue)
    const sealedBefore = await sealed(created.id)
    // Sliding expiration: the third answer of the next run carries a new ticket; the given one later reaches its end.
    await btControl(`/tenants/${tenant.id}/rotate-sessions`, { json: { afterRequests: 2 } })
    const later = Date.now() + 16 * 60_000
    await cronCycle(queue, later)
    expect((await connection(token, created.id)).status).toBe('ok')
    const { sessions } = await btControl<{ sessions: Array<{ auth: string; supersededBy?: string }> }>(`/tenants/${tenant.id}/sessions`)
    const reissued = sessions.find((s) => s.auth === given.find((c) => c.name === '.AspNet.Auth0')!.value)!.supersededBy
    expect(reissued).toBeDefined()
    // Stored sealed, like any credential: neither ticket readable in the row.
    const row = await sealed(created.id)
    expect(row.ciphertext).not.toBe(sealedBefore.ciphertext)
    expect(JSON.stringify(row)).not.toContain(reissued!)
    expect((await btControl<{ ended: number }>(`/tenants/${tenant.id}/expire-superseded`, { json: { mode: 'redirect' } })).ended).toBe(1)
    await cronCycle(queue, later + 16 * 60_000)
    const after = await connection(token, created.id)
    expect([after.status, after.lastError]).toEqual(['ok', null])
    // The new ticket did the work: the old one was refused nowhere, because it was never sent again.
    expect((await requestLog(tenant.id)).filter((r) => (r as { ended?: string }).ended)).toEqual([])
  })

  it('should refuse an expired session at connect with the words, saving nothing', async () => {
    const tenant = await createBtTenant({ size: 'empty' })
    const { token } = await orgWithAdmin()
    const cookies = await btBrowserSession(tenant)
    await btControl(`/tenants/${tenant.id}/expire-sessions`, { json: { mode: 'relogin' } })
    const res = await connectBuildertrendSessionRequest(token, cookies)
    expect(res.status).toBe(422)
    expect(await messageOf(res)).toBe(BROWSER_SESSION_ENDED)
  })

  it('should say what is missing when the browser holds no session cookies', async () => {
    const { token } = await orgWithAdmin()
    const res = await connectBuildertrendSessionRequest(token, [{ name: '_ga', value: 'x' }])
    expect(res.status).toBe(400)
    expect(await messageOf(res)).toMatch(/Sign in to Buildertrend in this tab first/)
  })
})
