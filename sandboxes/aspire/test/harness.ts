/**
 * Test harness: a sandbox on a fixed clock with one tenant and a bearer token, driven through
 * `app.request` (no sockets). Times: the sandbox clock is 2026-11-18T15:00:00Z, which is 09:00 in the
 * default company zone America/Chicago; generated history ends 2026-11-17.
 * @module
 */
import { createAspireSandbox, type AspireSandbox } from '../sandbox'
import type { CreateTenantInput } from '../sandbox-core'
import type { Tenant } from '../tenant/tenant'

export const FIXED_NOW = Date.parse('2026-11-18T15:00:00Z')
export const ANCHOR_DATE = '2026-11-18'

export interface Harness {
  sandbox: AspireSandbox
  tenant: Tenant
  token: string
  /** A request to the Aspire API with the tenant's bearer (override with `token: null`). */
  api(path: string, init?: { method?: string; body?: unknown; token?: string | null; headers?: Record<string, string> }): Promise<Response>
  /** GET with bearer, asserting 200, returning the JSON body. */
  get<T = Record<string, unknown>[]>(path: string): Promise<T>
  control(path: string, init?: { method?: string; body?: unknown }): Promise<Response>
  login(credentials?: { ClientId: string; Secret: string }): Promise<Response>
}

export async function harness(input: CreateTenantInput = {}, now: () => number = () => FIXED_NOW): Promise<Harness> {
  const sandbox = createAspireSandbox({ now })
  const tenant = sandbox.createTenant({ anchorDate: ANCHOR_DATE, ...input })
  const json = (body: unknown) => (body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) })
  const login = (credentials = { ClientId: tenant.clientId, Secret: tenant.options.secret }) =>
    Promise.resolve(sandbox.app.request('/Authorization', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(credentials) }))
  const res = await login()
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`)
  const { Token: token } = (await res.json()) as { Token: string }
  const h: Harness = {
    sandbox,
    tenant,
    token,
    login,
    api: async (path, init = {}) => {
      const bearer = init.token === undefined ? token : init.token
      return sandbox.app.request(path, {
        method: init.method ?? 'GET',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...init.headers },
        ...json(init.body),
      })
    },
    get: async <T>(path: string) => {
      const res = await h.api(path)
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`)
      return (await res.json()) as T
    },
    control: async (path, init = {}) =>
      sandbox.app.request(`/__control${path}`, { method: init.method ?? 'GET', headers: { 'Content-Type': 'application/json' }, ...json(init.body) }),
  }
  return h
}

/** Encodes an OData query the way clients do (spaces as %20). */
export const q = (options: Record<string, string | number>) =>
  '?' +
  Object.entries(options)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&')
