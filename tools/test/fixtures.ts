/**
 * Test helpers that go through the real app: organisations are created in D1, tokens come from the real
 * login endpoint.
 * @module
 */
import { env } from 'cloudflare:workers'
import type { LoginResponse, Role } from '../../shared/api/auth'
import { app } from '../../worker/app'
import { createDb } from '../../worker/db/client'
import { createOrgWithAdmin } from '../../worker/orgs/create-org'

export const PASSWORD = 'correct horse battery staple'

let counter = 0

/** Calls the app inside workerd with the test bindings. */
export function call(path: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('authorization', `Bearer ${init.token}`)
  let body = init.body
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json')
    body = JSON.stringify(init.json)
  }
  return app.request(path, { ...init, headers, body }, env)
}

export async function login(email: string, password = PASSWORD): Promise<LoginResponse> {
  const res = await call('/api/v1/auth/login', { method: 'POST', json: { email, password } })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`)
  return res.json()
}

/** A new org with an admin, signed in. */
export async function orgWithAdmin(name = `Org ${++counter}`) {
  const email = `admin${++counter}@${name.toLowerCase().replace(/\W+/g, '-')}.test`
  const { orgId, adminId } = await createOrgWithAdmin(createDb(env.DB), {
    name,
    admin: { email, name: 'Ada Admin', password: PASSWORD },
  })
  const { token } = await login(email)
  return { orgId, adminId, email, token }
}

/** Adds a user with a role to the admin's org through the API and signs them in. */
export async function userWithRole(adminToken: string, role: Role) {
  const email = `${role}${++counter}@example.test`
  const res = await call('/api/v1/users', { method: 'POST', token: adminToken, json: { email, name: `${role} ${counter}`, role, password: PASSWORD } })
  if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${await res.text()}`)
  const user = (await res.json()) as { id: string }
  const { token } = await login(email)
  return { id: user.id, email, token }
}
