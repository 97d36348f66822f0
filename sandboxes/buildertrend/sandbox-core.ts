/**
 * The sandbox's state: tenants by id and by username, and their cookie sessions (docs/vendors/buildertrend.md §16.3).
 * Platform-neutral (no Node APIs) so tests can drive it through `app.request`.
 * @module
 */
import { SIZES, type SizeName, type SizeSpec } from './generate/catalog'
import { minutesNowIn, todayIn } from './generate/dates'
import { generateData } from './generate/generate'
import { hostileName } from '../shared/hostile-text'
import { createRequestLog, type LoginOutcome, noFaults, type Tenant } from './tenant/tenant'

export interface CreateTenantInput {
  id?: string
  username?: string
  password?: string
  builderName?: string
  size?: SizeName | SizeSpec
  seed?: string | number
  timeZone?: string
  loginOutcome?: LoginOutcome
  loginDelayMs?: number
  /** Auth0's bot protection asks every sign-in for a captcha (`access_denied`). */
  captchaOnLogin?: boolean
  /** Mix hostile names, numbers as strings, absurd numbers, nulls and impossible dates into the data. */
  hostile?: boolean
}

export interface SandboxCore {
  now: () => number
  tenants: Map<string, Tenant>
  createTenant(input?: CreateTenantInput): Tenant
  deleteTenant(id: string): boolean
  byUsername(username: string): Tenant | undefined
  /** A new session for the tenant: its two cookies and the bearer the login hands out beside them. */
  openSession(tenant: Tenant): BtSessionCookies
  /** A new `.AspNet.Auth0` ticket for the same session (same `ASP.NET_SessionId`); the old one is marked superseded. */
  reissueTicket(tenant: Tenant, auth: string): string
  /** The tenant whose session the `.AspNet.Auth0` cookie value belongs to. */
  bySession(authCookie: string): Tenant | undefined
}

export interface BtSessionCookies {
  auth: string
  sessionId: string
  bearer: string
}

/** The cookie names that carry a session (BC-API, RO-PULL; docs/vendors/buildertrend.md §16.2). */
export const AUTH_COOKIE = '.AspNet.Auth0'
export const SESSION_COOKIE = 'ASP.NET_SessionId'

export function createSandboxCore(now: () => number = Date.now): SandboxCore {
  const tenants = new Map<string, Tenant>()
  const tokens = new Map<string, string>()
  let created = 0

  function createTenant(input: CreateTenantInput = {}): Tenant {
    created++
    const id = input.id ?? `bt-${created}-${Math.random().toString(36).slice(2, 8)}`
    if (tenants.has(id)) throw new Error(`tenant ${id} exists`)
    const timeZone = input.timeZone ?? 'America/Chicago'
    const builderId = 60_000 + created
    const size = typeof input.size === 'object' ? input.size : SIZES[input.size ?? 'small']
    const data = generateData({ seed: input.seed ?? id, size, builderId, today: todayIn(timeZone, now()), nowMinutes: minutesNowIn(timeZone, now()), hostile: input.hostile ?? false })
    const tenant: Tenant = {
      id,
      builderId,
      // The company name reaches people too (the connection's label): a hostile tenant's is markup.
      builderName: input.builderName ?? (input.hostile ? hostileName(`Builder ${created} Homes`, 0) : `Builder ${created} Homes`),
      username: input.username ?? `admin+${id}@builder.test`,
      password: input.password ?? `pw-${id}`,
      timeZone,
      loginOutcome: input.loginOutcome ?? 'success',
      loginDelayMs: input.loginDelayMs ?? 0,
      captchaOnLogin: input.captchaOnLogin ?? false,
      hostile: input.hostile ?? false,
      jobs: new Map(data.jobs.map((j) => [j.jobId, j])),
      shifts: new Map(data.shifts.map((s) => [s.id, s])),
      budgets: new Map(data.budgets.map((b) => [b.jobId, b])),
      worksheets: new Map(data.worksheets.map(({ jobId, ...w }) => [jobId, w])),
      faults: noFaults(),
      sessions: new Map(),
      log: createRequestLog(),
      apiRequests: 0,
      nextId: 8_000_000,
    }
    tenants.set(id, tenant)
    return tenant
  }

  return {
    now,
    tenants,
    createTenant,
    deleteTenant: (id) => tenants.delete(id),
    byUsername: (username) => [...tenants.values()].find((t) => t.username.toLowerCase() === username.toLowerCase()),
    openSession(tenant) {
      // The real `.AspNet.Auth0` is an ≈2.8 KB encrypted ticket; a long random value stands in for it.
      const session = {
        auth: `bt-auth-${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, ''),
        sessionId: crypto.randomUUID().replace(/-/g, '').slice(0, 24),
        bearer: `bt-bearer-${crypto.randomUUID()}`,
      }
      tokens.set(session.auth, tenant.id)
      tenant.sessions.set(session.auth, { ...session, ended: null })
      return session
    },
    reissueTicket(tenant, auth) {
      const old = tenant.sessions.get(auth)
      if (!old) throw new Error(`no session ${auth.slice(0, 12)}… in tenant ${tenant.id}`)
      const next = `bt-auth-${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, '')
      tokens.set(next, tenant.id)
      tenant.sessions.set(next, { auth: next, sessionId: old.sessionId, bearer: old.bearer, ended: null })
      old.supersededBy = next
      return next
    },
    bySession(authCookie) {
      const id = tokens.get(authCookie)
      return id === undefined ? undefined : tenants.get(id)
    },
  }
}
