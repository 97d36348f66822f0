import { describe, expect, it } from 'vitest'
import { UserList } from '../../shared/api/auth'
import { call, orgWithAdmin, userWithRole } from '../../tools/test/fixtures'

describe('/api/v1/users', () => {
  it("should list only the caller's organisation", async () => {
    const acme = await orgWithAdmin('Acme')
    const globex = await orgWithAdmin('Globex')
    await userWithRole(globex.token, 'worker')
    const res = await call('/api/v1/users', { token: acme.token })
    expect(res.status).toBe(200)
    const { users } = UserList.parse(await res.json())
    expect(users.map((u) => u.email)).toEqual([acme.email])
  })

  it("should not let one org read another org's user", async () => {
    const acme = await orgWithAdmin('Acme')
    const globex = await orgWithAdmin('Globex')
    const res = await call(`/api/v1/users/${globex.adminId}`, { token: acme.token })
    expect(res.status).toBe(404)
    const own = await call(`/api/v1/users/${acme.adminId}`, { token: acme.token })
    expect(own.status).toBe(200)
  })

  it('should refuse the list to crew leads and workers with 403 JSON', async () => {
    const { token } = await orgWithAdmin()
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(token, role)
      const res = await call('/api/v1/users', { token: user.token })
      expect(res.status).toBe(403)
      expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'Only an admin or a manager can do this.' } })
    }
  })

  it('should let a manager list but not add users', async () => {
    const { token } = await orgWithAdmin()
    const manager = await userWithRole(token, 'manager')
    expect((await call('/api/v1/users', { token: manager.token })).status).toBe(200)
    const res = await call('/api/v1/users', {
      method: 'POST',
      token: manager.token,
      json: { email: 'x@example.test', name: 'X', role: 'worker', password: 'long enough password' },
    })
    expect(res.status).toBe(403)
  })

  it('should refuse a duplicate email with 409', async () => {
    const { token, email } = await orgWithAdmin()
    const res = await call('/api/v1/users', { method: 'POST', token, json: { email, name: 'Dup', role: 'worker', password: 'long enough password' } })
    expect(res.status).toBe(409)
  })
})
