/**
 * Checks that what a new record points at exists in the connection's synced data, with messages a
 * person can act on.
 * @module
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../db/client'
import { branches, materialAllocations, milestones, organizations, workers } from '../db/schema'
import { ApiError } from '../http/api-error'

export async function requireWorker(db: Db, connectionId: string, externalId: string) {
  const [row] = await db.select().from(workers).where(and(eq(workers.connectionId, connectionId), eq(workers.externalId, externalId), isNull(workers.deletedAt)))
  if (!row) throw new ApiError('unprocessable', `No worker ${externalId} in this connection's synced data. Sync, or pick an existing worker.`)
  if (row.active === false) throw new ApiError('unprocessable', `${row.name} is inactive in the vendor's system; time cannot be added for them.`)
  return row
}

export async function requireOpenMilestone(db: Db, connectionId: string, externalId: string) {
  const [row] = await db
    .select()
    .from(milestones)
    .where(and(eq(milestones.connectionId, connectionId), eq(milestones.externalId, externalId), isNull(milestones.deletedAt)))
  if (!row) throw new ApiError('unprocessable', `No work ticket ${externalId} in this connection's synced data.`)
  if (row.status === 'canceled') throw new ApiError('unprocessable', `${row.name} is canceled; nothing can be added to it.`)
  return row
}

/** The zone a milestone's times are local to: its branch's, else the organisation's. */
export async function milestoneTimeZone(db: Db, orgId: string, connectionId: string, branchExternalId: string | null) {
  if (branchExternalId) {
    const [branch] = await db.select({ tz: branches.timeZone }).from(branches).where(and(eq(branches.connectionId, connectionId), eq(branches.externalId, branchExternalId)))
    if (branch?.tz) return branch.tz
  }
  const [org] = await db.select({ tz: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId))
  return org?.tz ?? 'UTC'
}

export async function requireMaterial(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(materialAllocations)
    .where(and(eq(materialAllocations.id, id), eq(materialAllocations.orgId, orgId), isNull(materialAllocations.deletedAt)))
  if (!row) throw new ApiError('not_found', 'No material allocation with this id in your organisation.')
  return row
}
