/**
 * Finding synced jobs of the caller's organisation by our row id or by the vendor's id (per vendor or per
 * connection). Soft-deleted jobs and jobs of removed connections are not found.
 * @module
 */
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm'
import type { Vendor } from '../../shared/api/connections'
import type { Db } from '../db/client'
import { connections, jobs } from '../db/schema'
import type { JobRow } from '../propay/synced-input'

export interface JobLookup {
  jobId?: string
  vendor?: Vendor
  connectionId?: string
  externalId?: string
  status?: JobRow['status']
  limit?: number
}

export type JobWithVendor = JobRow & { vendor: Vendor }

export async function findJobs(db: Db, orgId: string, lookup: JobLookup): Promise<JobWithVendor[]> {
  const conditions: SQL[] = [eq(jobs.orgId, orgId), isNull(jobs.deletedAt), isNull(connections.deletedAt)]
  if (lookup.jobId) conditions.push(eq(jobs.id, lookup.jobId))
  if (lookup.vendor) conditions.push(eq(connections.vendor, lookup.vendor))
  if (lookup.connectionId) conditions.push(eq(jobs.connectionId, lookup.connectionId))
  if (lookup.externalId) conditions.push(eq(jobs.externalId, lookup.externalId))
  if (lookup.status) conditions.push(eq(jobs.status, lookup.status))
  const rows = await db
    .select({ job: jobs, vendor: connections.vendor })
    .from(jobs)
    .innerJoin(connections, and(eq(connections.id, jobs.connectionId), eq(connections.orgId, jobs.orgId)))
    .where(and(...conditions))
    .orderBy(desc(jobs.updatedAt), desc(jobs.id))
    .limit(lookup.limit ?? 100)
  return rows.map(({ job, vendor }) => ({ ...job, vendor }))
}
