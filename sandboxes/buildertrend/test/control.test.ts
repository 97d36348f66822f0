import { describe, expect, it } from 'vitest'
import { createBuildertrendSandbox } from '../sandbox'
import { auth0Form, CHROME_HEADERS } from './harness'

const json = (body: unknown, method = 'POST') => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('Buildertrend sandbox control API', () => {
  it('should create a tenant with the given login, size, seed and zone, and report its counts', async () => {
    const sandbox = createBuildertrendSandbox()
    const res = await sandbox.app.request('/__control/tenants', json({ id: 'acme', username: 'a@acme.test', password: 'pw', size: 'small', seed: 4, timeZone: 'America/Denver', loginOutcome: 'mfa', captchaOnLogin: true }))
    expect(res.status).toBe(201)
    const summary = (await res.json()) as { id: string; timeZone: string; loginOutcome: string; counts: { jobs: number; shifts: number; allocations: number } }
    expect(summary).toMatchObject({ id: 'acme', timeZone: 'America/Denver', loginOutcome: 'mfa', captchaOnLogin: true, counts: { jobs: 4 } })
    expect(summary.counts.allocations).toBeGreaterThanOrEqual(summary.counts.shifts)
    expect((await sandbox.app.request('/__control/tenants', json({ size: 'huge' }))).status).toBe(400)
  })

  it('should edit, add and delete records silently', async () => {
    const sandbox = createBuildertrendSandbox()
    const tenant = sandbox.createTenant({ id: 't', size: 'small' })
    const [shift] = tenant.shifts.values()
    expect((await sandbox.app.request(`/__control/tenants/t/records/shifts/${shift!.id}`, json({ regularTime: 1 }, 'PATCH'))).status).toBe(200)
    expect(tenant.shifts.get(shift!.id)!.regularTime).toBe(1)
    expect((await sandbox.app.request(`/__control/tenants/t/records/shifts/${shift!.id}`, { method: 'DELETE' })).status).toBe(204)
    expect(tenant.shifts.has(shift!.id)).toBe(false)
    const added = await sandbox.app.request('/__control/tenants/t/records/shifts', json({ userID: 1, name: 'X', rate: 30, jobId: null, date: '2026-05-20', inMinutes: 420, spanMinutes: 60 }))
    expect(await added.json()).toMatchObject({ jobId: null, jobName: 'General', regularTime: 60, totalWorkTime: 0, rate: '$30.00' })
    expect((await sandbox.app.request('/__control/tenants/t/records/things')).status).toBe(400)
    expect((await sandbox.app.request('/__control/tenants/nope')).status).toBe(404)
  })

  it('should stage faults, expire sessions and keep a request log', async () => {
    const sandbox = createBuildertrendSandbox()
    const tenant = sandbox.createTenant({ id: 't', size: 'small' })
    await sandbox.app.request('/__control/tenants/t/faults', json({ unusedModules: ['JobCostingBudget'], savedViewBlocksDateRange: true }, 'PUT'))
    expect(tenant.faults).toMatchObject({ unusedModules: ['JobCostingBudget'], savedViewBlocksDateRange: true })
    const session = sandbox.openSession(tenant)
    await sandbox.app.request('/api/AccountInfo/GlobalInfo', { headers: { ...CHROME_HEADERS, portaltype: '1', cookie: `.AspNet.Auth0=${session.auth}; ASP.NET_SessionId=${session.sessionId}` } })
    expect(await (await sandbox.app.request('/__control/tenants/t/sessions')).json()).toEqual({ sessions: [{ ...session, ended: null }] })
    await sandbox.app.request('/__control/tenants/t/expire-sessions', json({ mode: 'redirect' }))
    expect(tenant.sessions.get(session.auth)?.ended).toBe('redirect')
    const log = (await (await sandbox.app.request('/__control/tenants/t/requests')).json()) as { total: number; requests: Array<{ path: string; status: number }> }
    expect(log.requests).toEqual([expect.objectContaining({ path: '/api/AccountInfo/GlobalInfo', status: 200 })])
    await sandbox.app.request('/__control/tenants/t/faults', { method: 'DELETE' })
    expect(tenant.faults).toEqual({ unusedModules: [], savedViewBlocksDateRange: false, expireSessions: null, rotateSessions: null })
  })

  it('should seed the demo tenant with the published demo login', async () => {
    const sandbox = createBuildertrendSandbox({ seedDemo: true })
    const res = await sandbox.app.request('/oauth/token', auth0Form({ username: 'demo@buildertrend.test', password: 'demo-password' }))
    expect(res.status).toBe(200)
  })
})
