/**
 * Drives the Buildertrend sandbox (started by the test run's global setup) through its control API, and
 * connects to it through the real app. Queue and step helpers are the generic ones in aspire-sandbox.ts.
 * @module
 */
import { inject } from 'vitest'
import type { ConnectionView } from '../../shared/api/connections'
import { call } from './fixtures'

export const btSandboxUrl = () => {
  const url = inject('sandboxes').buildertrend
  if (!url) throw new Error('the Buildertrend sandbox was not started by the global setup')
  return url
}

export interface BtTenant {
  id: string
  username: string
  password: string
  builderName: string
  counts: { jobs: number; shifts: number; allocations: number; openShifts: number; users: number }
}

export async function btControl<T = unknown>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const res = await fetch(`${btSandboxUrl()}/__control${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  })
  if (!res.ok) throw new Error(`control ${path} answered ${res.status}: ${await res.text()}`)
  return (res.status === 204 ? undefined : await res.json()) as T
}

export const createBtTenant = (input: Record<string, unknown> = {}) => btControl<BtTenant>('/tenants', { json: { size: 'small', seed: 7, timeZone: 'America/Chicago', ...input } })

export const btRecords = <T = Record<string, unknown>>(tenant: BtTenant, kind: 'jobs' | 'shifts' | 'budgets' | 'worksheets') => btControl<T[]>(`/tenants/${tenant.id}/records/${kind}`)

export function connectBuildertrendRequest(token: string, credentials: { username: string; password: string }, settings: Record<string, unknown> = {}) {
  return call('/api/v1/connections', {
    method: 'POST',
    token,
    json: { vendor: 'buildertrend', credentials, settings: { syncStartDate: '2000-01-01', baseUrl: btSandboxUrl(), ...settings } },
  })
}

export async function connectBuildertrend(token: string, tenant: BtTenant, settings: Record<string, unknown> = {}) {
  // Stray spaces, as pasted from a password manager, must not matter.
  const res = await connectBuildertrendRequest(token, { username: ` ${tenant.username}  `, password: `${tenant.password} ` }, settings)
  if (res.status !== 201) throw new Error(`connect failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as ConnectionView
}

export interface BtBrowserCookie {
  name: string
  value: string
  domain: string
  path: string
  httpOnly: boolean
  secure: boolean
}

/** The cookies a person's Chrome holds after signing in to the tenant at buildertrend.net (the stand-in's control API). */
export const btBrowserSession = async (tenant: Pick<BtTenant, 'id'>) =>
  (await btControl<{ cookies: BtBrowserCookie[] }>(`/tenants/${tenant.id}/browser-sessions`, { method: 'POST' })).cookies

/** What the extension sends: every cookie of the site as Chrome lists it, unfiltered (the backend keeps the session ones). */
export const browserSessionCredentials = (cookies: Array<{ name: string; value: string }>) => ({ kind: 'browser_session', cookies: cookies.map(({ name, value }) => ({ name, value })) })

export function connectBuildertrendSessionRequest(token: string, cookies: Array<{ name: string; value: string }>, settings: Record<string, unknown> = {}) {
  return call('/api/v1/connections', {
    method: 'POST',
    token,
    json: { vendor: 'buildertrend', credentials: browserSessionCredentials(cookies), settings: { syncStartDate: '2000-01-01', baseUrl: btSandboxUrl(), ...settings } },
  })
}
