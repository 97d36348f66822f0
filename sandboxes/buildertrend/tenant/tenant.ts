/**
 * One Buildertrend company in the sandbox: its admin login, how logins and sessions behave, its data and
 * the faults staged on it. Plain in-memory state; the control API changes it.
 * @module
 */
import { RequestLog } from '../../shared/request-log'
import type { BtBudget, BtJob, BtShift, BtWorksheet } from './shapes'

/** What a login attempt with the right password gets (a wrong password always fails). */
export const LOGIN_OUTCOMES = ['success', 'wrong_password', 'captcha', 'mfa', 'challenge_html', 'locked', 'migrated', 'legacy'] as const
export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number]

/**
 * How an expired session shows itself (docs/vendors/buildertrend.md §3, §16.4): `needsToRelogin`, a 302 to
 * `/app/error`, the login page as HTML, or (`cleared`) the 302 with a `Set-Cookie` that empties `.AspNet.Auth0`
 * (the clearing is *assumed*).
 */
export const EXPIRY_MODES = ['relogin', 'redirect', 'html', 'cleared'] as const
export type ExpiryMode = (typeof EXPIRY_MODES)[number]

export const MODULES = ['TimeClock', 'JobCostingBudget', 'Worksheet'] as const
export type Module = (typeof MODULES)[number]

export interface TenantFaults {
  /** Modules the builder doesn't use: their grids answer HTTP 500. */
  unusedModules: Module[]
  /** A saved view on the account that makes date-range filters return nothing. */
  savedViewBlocksDateRange: boolean
  /** Sessions expire once this many more API requests were served. */
  expireSessions: { mode: ExpiryMode; afterRequests: number } | null
  /**
   * The session ticket is re-issued by `Set-Cookie` on the answer after this many more successful API requests, as
   * ASP.NET cookie authentication's sliding expiration does once a ticket is past half its lifetime. The old ticket
   * keeps working until its own expiry (`expire-superseded`).
   */
  rotateSessions: { afterRequests: number } | null
}

interface BtRequestExtra {
  /** Set when the request was refused because its session had ended. */
  ended?: ExpiryMode
}

const LOG_LIMIT = 20_000

export const createRequestLog = () => new RequestLog<BtRequestExtra>(LOG_LIMIT)

export interface Tenant {
  id: string
  builderId: number
  builderName: string
  username: string
  password: string
  timeZone: string
  loginOutcome: LoginOutcome
  loginDelayMs: number
  /** Auth0's bot protection answers every sign-in `access_denied` (the control API's captcha switch). */
  captchaOnLogin: boolean
  /** Created with hostile data mixed in (generate/hostile.ts). */
  hostile: boolean
  jobs: Map<number, BtJob>
  shifts: Map<number, BtShift>
  budgets: Map<number, BtBudget>
  worksheets: Map<number, BtWorksheet>
  faults: TenantFaults
  /** `.AspNet.Auth0` value → the session, with its expiry mode once expired (null = alive). */
  sessions: Map<string, TenantSession>
  log: RequestLog<BtRequestExtra>
  apiRequests: number
  nextId: number
}

export interface TenantSession {
  auth: string
  sessionId: string
  bearer: string
  ended: ExpiryMode | null
  /** The ticket that replaced this one when it was re-issued; it lives on until its own expiry. */
  supersededBy?: string
}

export const noFaults = (): TenantFaults => ({ unusedModules: [], savedViewBlocksDateRange: false, expireSessions: null, rotateSessions: null })

/** Whether a staged ticket re-issue fires on this successful answer (counted like `countApiRequest`). */
export function rotationDue(tenant: Tenant): boolean {
  const staged = tenant.faults.rotateSessions
  if (!staged || --staged.afterRequests >= 0) return false
  tenant.faults.rotateSessions = null
  return true
}

/** The re-issued tickets reach their own expiry: they end the given way; their successors live on. */
export function expireSupersededSessions(tenant: Tenant, mode: ExpiryMode): number {
  let ended = 0
  for (const session of tenant.sessions.values()) if (session.supersededBy && !session.ended) (session.ended = mode), ended++
  return ended
}

/** Every live session ends now, showing itself the given way. */
export function expireAllSessions(tenant: Tenant, mode: ExpiryMode) {
  for (const session of tenant.sessions.values()) session.ended = mode
}

/** Counts an API request and fires a staged expiry when its turn comes. */
export function countApiRequest(tenant: Tenant) {
  tenant.apiRequests++
  const staged = tenant.faults.expireSessions
  if (staged && --staged.afterRequests < 0) {
    expireAllSessions(tenant, staged.mode)
    tenant.faults.expireSessions = null
  }
}

/** Time entries a faithful client ends up with: one per shift, or one per cost code of a multi-code shift. */
export const allocationCount = (shifts: Iterable<BtShift>) => [...shifts].reduce((n, s) => n + Math.max(1, s.costCodes?.length ?? 0), 0)

export function tenantSummary(tenant: Tenant) {
  const shifts = [...tenant.shifts.values()]
  return {
    id: tenant.id,
    builderId: tenant.builderId,
    builderName: tenant.builderName,
    username: tenant.username,
    password: tenant.password,
    timeZone: tenant.timeZone,
    loginOutcome: tenant.loginOutcome,
    loginDelayMs: tenant.loginDelayMs,
    captchaOnLogin: tenant.captchaOnLogin,
    hostile: tenant.hostile,
    faults: tenant.faults,
    counts: {
      jobs: tenant.jobs.size,
      shifts: shifts.length,
      allocations: allocationCount(shifts),
      openShifts: shifts.filter((s) => s.timeOut === null).length,
      users: new Set(shifts.map((s) => s.userID)).size,
      budgets: tenant.budgets.size,
      worksheets: tenant.worksheets.size,
    },
  }
}
