import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { contract } from '../../shared/api/contract'
import { ErrorBody } from '../../shared/api/errors'
import { call, login, orgWithAdmin, userWithRole } from '../../tools/test/fixtures'
import { SESSION_TTL_MS } from './session'

/** Every protected GET without path parameters, straight from the contract. */
const protectedReads = Object.values(contract)
  .filter((e) => e.auth && e.method === 'GET' && !e.path.includes(':'))
  .map((e) => e.path)

async function expectSignedOut(token: string, path = '/api/v1/me') {
  const res = await call(path, { token })
  expect(res.status, path).toBe(401)
  expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
  expect(ErrorBody.parse(await res.json()).error).toEqual({ code: 'unauthorized', message: 'Your session has expired or was signed out. Sign in again.' })
}

describe('tokens through the API', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('should accept a token until it expires and refuse it on every protected route after', async () => {
    expect(protectedReads.length).toBeGreaterThan(5)
    const issued = Date.UTC(2026, 10, 1, 12, 0)
    vi.useFakeTimers({ toFake: ['Date'], now: issued })
    const { token } = await orgWithAdmin()
    vi.setSystemTime(issued + SESSION_TTL_MS - 1000)
    expect((await call('/api/v1/me', { token })).status).toBe(200)
    vi.setSystemTime(issued + SESSION_TTL_MS)
    for (const path of protectedReads) await expectSignedOut(token, path)
  })

  it('should revoke only the token that signs out', async () => {
    const { email, token: laptop } = await orgWithAdmin()
    const { token: phone } = await login(email)
    const colleague = await userWithRole(laptop, 'manager')
    expect((await call('/api/v1/auth/logout', { method: 'POST', token: laptop })).status).toBe(200)
    await expectSignedOut(laptop)
    // Signing out twice is refused like any other dead token.
    expect((await call('/api/v1/auth/logout', { method: 'POST', token: laptop })).status).toBe(401)
    expect((await call('/api/v1/me', { token: phone })).status).toBe(200)
    expect((await call('/api/v1/me', { token: colleague.token })).status).toBe(200)
  })

  it("should stop every token of a disabled user and refuse their sign-in like a wrong password", async () => {
    const { token: admin } = await orgWithAdmin()
    const worker = await userWithRole(admin, 'worker')
    const { token: second } = await login(worker.email)
    // There is no API to disable a user yet; an operator sets the column.
    await env.DB.prepare('UPDATE users SET disabled_at = ?1 WHERE id = ?2').bind(new Date().toISOString(), worker.id).run()
    await expectSignedOut(worker.token)
    await expectSignedOut(second)
    const res = await call('/api/v1/auth/login', { method: 'POST', json: { email: worker.email, password: 'correct horse battery staple' } })
    expect(res.status).toBe(401)
    expect(ErrorBody.parse(await res.json()).error.message).toBe('The email or password is incorrect.')
    expect((await call('/api/v1/me', { token: admin })).status).toBe(200)
  })
})
