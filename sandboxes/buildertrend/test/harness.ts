/**
 * Drives a sandbox through `app.request` (no sockets): one tenant, its session, and typed helpers.
 * @module
 */
import { createBuildertrendSandbox } from '../sandbox'
import type { CreateTenantInput } from '../sandbox-core'
import type { Tenant } from '../tenant/tenant'

export const ALL_TIME_FILTER = JSON.stringify({ '12': JSON.stringify({ SelectedValue: 2147483647, StartDate: null, EndDate: null }) })
export const rangeFilter = (start: string, end: string) => JSON.stringify({ '12': JSON.stringify({ SelectedValue: 0, StartDate: `${start}T00:00:00`, EndDate: `${end}T00:00:00` }) })

export async function harness(input: CreateTenantInput = {}) {
  const sandbox = createBuildertrendSandbox()
  const tenant: Tenant = sandbox.createTenant({ seed: 7, ...input })
  const request = (path: string, init: { method?: string; body?: unknown; token?: string | null; headers?: Record<string, string> } = {}) =>
    Promise.resolve(
      sandbox.app.request(path, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { 'content-type': 'application/json', portaltype: '1', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    )
  const auth0 = (username = tenant.username, password = tenant.password) => request('/oauth/token', { body: { grant_type: 'password', username, password, audience: 'https://api.buildertrend.net/' } })
  const login = async () => ((await (await auth0()).json()) as { access_token: string }).access_token
  const grid = (token: string, body: Record<string, unknown>) =>
    request('/api/TimeClock/Grid?gridType=29', { token, body: { pagingData: { pageNumber: '1', pageSize: 500 }, filters: ALL_TIME_FILTER, jobIds: [...tenant.jobs.keys()], includeGeneralJobItems: true, ...body } })
  return { sandbox, tenant, request, auth0, login, grid }
}
