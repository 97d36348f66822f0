/**
 * Drives a sandbox through `app.request` (no sockets): one tenant, its cookie session, and typed helpers. Requests
 * carry what a Chrome tab sends unless a test says otherwise.
 * @module
 */
import { AUTH0_CLIENT_ID } from '../api/login-routes'
import { createBuildertrendSandbox } from '../sandbox'
import type { CreateTenantInput } from '../sandbox-core'
import type { Tenant } from '../tenant/tenant'

export const ALL_TIME_FILTER = JSON.stringify({ '12': JSON.stringify({ SelectedValue: 2147483647, StartDate: null, EndDate: null }) })
export const rangeFilter = (start: string, end: string) => JSON.stringify({ '12': JSON.stringify({ SelectedValue: 0, StartDate: `${start}T00:00:00`, EndDate: `${end}T00:00:00` }) })

/** What Chrome 131 sends with an in-page `fetch` (BC-API, BC-PY `_browser_headers`). */
export const CHROME_HEADERS = {
  'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'sec-ch-ua': '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
  'sec-ch-ua-mobile': '?0',
  'sec-ch-ua-platform': '"Windows"',
  'sec-fetch-dest': 'empty',
  'sec-fetch-mode': 'cors',
  'sec-fetch-site': 'same-origin',
  accept: '*/*',
}

/** A signed-in session as a client holds it: the `Cookie` header and the bearer handed out beside it. */
export interface TestSession {
  cookie: string
  bearer: string
}

/** `name=value` pairs of every `Set-Cookie`, as a `Cookie` header. */
export const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .join('; ')

export const auth0Form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ grant_type: 'password', audience: 'https://api.buildertrend.net/', client_id: AUTH0_CLIENT_ID, scope: 'openid profile email', ...fields }).toString(),
})

export async function harness(input: CreateTenantInput = {}) {
  const sandbox = createBuildertrendSandbox()
  const tenant: Tenant = sandbox.createTenant({ seed: 7, ...input })
  const request = (path: string, init: { method?: string; body?: unknown; session?: TestSession | null; headers?: Record<string, string> } = {}) =>
    Promise.resolve(
      sandbox.app.request(path, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { ...CHROME_HEADERS, 'content-type': 'application/json', portaltype: '1', ...(init.session ? { cookie: init.session.cookie, authorization: `Bearer ${init.session.bearer}` } : {}), ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    )
  const auth0 = (username = tenant.username, password = tenant.password, extra: Record<string, string> = {}) => Promise.resolve(sandbox.app.request('/oauth/token', auth0Form({ username, password, ...extra })))
  const login = async (): Promise<TestSession> => {
    const res = await auth0()
    return { cookie: cookiesOf(res), bearer: ((await res.json()) as { access_token: string }).access_token }
  }
  const grid = (session: TestSession, body: Record<string, unknown>) =>
    request('/api/TimeClock/Grid?gridType=29', { session, body: { pagingData: { pageNumber: '1', pageSize: 500 }, filters: ALL_TIME_FILTER, jobIds: [...tenant.jobs.keys()], includeGeneralJobItems: true, ...body } })
  return { sandbox, tenant, request, auth0, login, grid }
}
