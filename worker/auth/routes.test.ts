import { describe, expect, it } from 'vitest'
import { ErrorBody } from '../../shared/api/errors'
import { LoginResponse, MeResponse } from '../../shared/api/auth'
import { PASSWORD, call, orgWithAdmin } from '../../tools/test/fixtures'

const errorOf = async (res: Response) => ErrorBody.parse(await res.json()).error

describe('POST /api/v1/auth/login', () => {
  it('should return a token and the user for the right password', async () => {
    const { email } = await orgWithAdmin('Acme Landscaping')
    const res = await call('/api/v1/auth/login', { method: 'POST', json: { email: ` ${email.toUpperCase()} `, password: PASSWORD } })
    expect(res.status).toBe(200)
    const body = LoginResponse.parse(await res.json())
    expect(body.user).toMatchObject({ email, role: 'admin' })
    expect(body.token).toMatch(/^pvc_[\w-]{43}$/)
    expect(JSON.stringify(body)).not.toContain('pbkdf2')
  })

  it('should give the same 401 for a wrong password and an unknown email', async () => {
    const { email } = await orgWithAdmin()
    const wrongPassword = await call('/api/v1/auth/login', { method: 'POST', json: { email, password: 'nope' } })
    const unknownEmail = await call('/api/v1/auth/login', { method: 'POST', json: { email: 'ghost@example.test', password: PASSWORD } })
    expect(wrongPassword.status).toBe(401)
    expect(unknownEmail.status).toBe(401)
    const a = await errorOf(wrongPassword)
    const b = await errorOf(unknownEmail)
    expect(a).toEqual(b)
    expect(a.message).toBe('The email or password is incorrect.')
  })

  it('should answer malformed JSON with 400 and say so', async () => {
    const res = await call('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": "a@b.c",' })
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe('bad_request')
    expect(error.message).toMatch(/not valid JSON/)
  })

  it('should name each missing field', async () => {
    const res = await call('/api/v1/auth/login', { method: 'POST', json: {} })
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.message).toContain('email: email is required')
    expect(error.message).toContain('password: password is required')
    expect(error.details?.map((d) => d.path).sort()).toEqual(['email', 'password'])
  })

  it('should ask for JSON when the Content-Type is missing', async () => {
    const res = await call('/api/v1/auth/login', { method: 'POST', body: 'email=a@b.c' })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).message).toMatch(/Content-Type: application\/json/)
  })
})

describe('GET /api/v1/me', () => {
  it('should return the signed-in admin and their organisation', async () => {
    const { token, email, orgId } = await orgWithAdmin('Green Acres')
    const res = await call('/api/v1/me', { token })
    expect(res.status).toBe(200)
    const me = MeResponse.parse(await res.json())
    expect(me.user).toMatchObject({ email, role: 'admin', orgId })
    expect(me.organization).toMatchObject({ id: orgId, name: 'Green Acres' })
  })

  it('should answer 401 JSON without a token and with a bad one', async () => {
    const none = await call('/api/v1/me')
    expect(none.status).toBe(401)
    expect(none.headers.get('content-type')).toMatch(/application\/json/)
    expect((await errorOf(none)).code).toBe('unauthorized')
    const bad = await call('/api/v1/me', { token: 'pvc_not-a-real-token' })
    expect(bad.status).toBe(401)
  })
})

describe('POST /api/v1/auth/logout', () => {
  it('should revoke the token so it no longer works', async () => {
    const { token } = await orgWithAdmin()
    expect((await call('/api/v1/auth/logout', { method: 'POST', token })).status).toBe(200)
    expect((await call('/api/v1/me', { token })).status).toBe(401)
  })
})
