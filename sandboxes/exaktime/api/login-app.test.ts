import { describe, expect, it } from 'vitest'
import { EXAKTIME_DEMO } from '../sandbox'
import { harness } from '../test/harness'

const login = (h: ReturnType<typeof harness>, company: string, username: string, password: string) =>
  h.sandbox.app.request(`/connect/${encodeURIComponent(company)}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })

describe('the company sign-in', () => {
  it('should give a session that reads but cannot write', async () => {
    const h = harness()
    const res = await login(h, 'ACME', EXAKTIME_DEMO.username, EXAKTIME_DEMO.password)
    expect(res.status).toBe(200)
    const { token } = (await res.json()) as { token: string }
    expect((await h.api('/odata/DwUsers?$top=1', null, { bearer: token })).status).toBe(200)
    expect((await h.api('/v1/Time/Jobs', null, { bearer: token, method: 'POST', json: { identifier: 'Z', name: 'Z' } })).status).toBe(403)
    expect((await h.api('/odata/DwUsers', null, { bearer: 'stale' })).status).toBe(401)
  })

  it('should refuse Company IDs with spaces, unknown companies, wrong passwords and locked accounts', async () => {
    const h = harness()
    const body = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code })
    expect(await body(await login(h, 'acme landscaping', EXAKTIME_DEMO.username, EXAKTIME_DEMO.password))).toEqual({ status: 400, code: 'InvalidCompanyId' })
    expect(await body(await login(h, 'nosuchco', EXAKTIME_DEMO.username, EXAKTIME_DEMO.password))).toEqual({ status: 404, code: 'CompanyNotFound' })
    expect(await body(await login(h, 'acme', EXAKTIME_DEMO.username, 'wrong'))).toEqual({ status: 401, code: 'InvalidCredentials' })
    await h.control(`/tenants/acme/users/${encodeURIComponent(EXAKTIME_DEMO.username)}`, { method: 'PATCH', json: { locked: true } })
    expect(await body(await login(h, 'acme', EXAKTIME_DEMO.username, EXAKTIME_DEMO.password))).toEqual({ status: 423, code: 'AccountLocked' })
  })

  it('should lock an account after too many failures', async () => {
    const h = harness()
    for (let i = 0; i < 5; i++) expect((await login(h, 'acme', EXAKTIME_DEMO.username, 'guess')).status).toBe(401)
    expect((await login(h, 'acme', EXAKTIME_DEMO.username, EXAKTIME_DEMO.password)).status).toBe(423)
  })
})
