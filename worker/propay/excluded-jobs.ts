import { eq } from 'drizzle-orm'
import type { BonusSettings } from '../../shared/api/bonus-settings'
import type { Db } from '../db/client'
import { connections } from '../db/schema'
import type { ValidationIssue } from './domain'

/**
 * Excluded jobs must name connections of the caller's organisation: another organisation's connection id (or one
 * that never existed) would be stored and echoed back, yet exclude nothing. Disconnected connections of the
 * organisation stay allowed, so settings read back can be sent again unchanged.
 */
export async function checkExcludedJobs(db: Db, orgId: string, excluded: BonusSettings['excludedJobs']): Promise<ValidationIssue[]> {
  if (excluded.length === 0) return []
  // The org's few connections, compared here: excluded jobs may be up to 1000, more than D1 binds in one query.
  const own = new Set((await db.select({ id: connections.id }).from(connections).where(eq(connections.orgId, orgId))).map((c) => c.id))
  return excluded.flatMap((job, i) =>
    own.has(job.connectionId) ? [] : [{ path: `excludedJobs.${i}.connectionId`, message: `excludedJobs.${i}.connectionId: no connection with this id in your organisation` }],
  )
}
