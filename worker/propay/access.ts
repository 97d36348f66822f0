/**
 * Who may see and do what with ProPays. Admins and managers see every ProPay of their organisation; admins and the
 * ProPay's own manager change it; crew leads and workers see only the ProPays they are on, with only their own
 * figures. A user is a vendor worker when the worker's synced email is theirs (case-insensitive).
 * @module
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Role } from '../../shared/api/auth'
import type { AuthContext } from '../auth/session'
import type { Db } from '../db/client'
import { users, workers, type ProPayRow } from '../db/schema'
import { ApiError } from '../http/api-error'
import type { WorkerBreakdown } from './domain'

export interface Viewer {
  userId: string
  orgId: string
  role: Role
  /** `connectionId \0 worker id` of the vendor workers this user is. */
  workerKeys: Set<string>
}

export const workerKey = (connectionId: string, workerExternalId: string) => `${connectionId}\u0000${workerExternalId}`

/** The vendor workers (any connection of the org) whose synced email is this email. */
export async function workersWithEmail(db: Db, orgId: string, email: string) {
  return db
    .select({ connectionId: workers.connectionId, externalId: workers.externalId })
    .from(workers)
    .where(and(eq(workers.orgId, orgId), isNull(workers.deletedAt), sql`lower(${workers.email}) = ${email.toLowerCase()}`))
}

export async function viewerOf(db: Db, auth: AuthContext): Promise<Viewer> {
  const viewer: Viewer = { userId: auth.userId, orgId: auth.orgId, role: auth.role, workerKeys: new Set() }
  if (seesAll(viewer)) return viewer
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, auth.userId))
  for (const w of user ? await workersWithEmail(db, auth.orgId, user.email) : []) viewer.workerKeys.add(workerKey(w.connectionId, w.externalId))
  return viewer
}

export const seesAll = (viewer: Pick<Viewer, 'role'>) => viewer.role === 'admin' || viewer.role === 'manager'

/** Admins, and the manager who owns the ProPay. */
export const canManage = (viewer: Viewer, row: Pick<ProPayRow, 'managerUserId'>) =>
  viewer.role === 'admin' || (viewer.role === 'manager' && row.managerUserId === viewer.userId)

export function requireManage(viewer: Viewer, row: Pick<ProPayRow, 'managerUserId'>, what: string) {
  if (!canManage(viewer, row)) throw new ApiError('forbidden', `Only an admin or this ProPay's manager can ${what}.`)
}

/** The caller's own rows of a breakdown (crew leads and workers). */
export const ownRows = (viewer: Viewer, row: Pick<ProPayRow, 'connectionId' | 'breakdown'>): WorkerBreakdown[] =>
  (row.breakdown?.workers ?? []).filter((w) => viewer.workerKeys.has(workerKey(row.connectionId, w.workerId)))

/** Whether the caller may see this ProPay at all. */
export const canSee = (viewer: Viewer, row: Pick<ProPayRow, 'connectionId' | 'breakdown'>) => seesAll(viewer) || ownRows(viewer, row).length > 0
