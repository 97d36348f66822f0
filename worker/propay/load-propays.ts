/**
 * Reading ProPays for the API, always within the caller's organisation: another organisation's id is answered like
 * an id that does not exist.
 * @module
 */
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { organizations, propays, type ProPayRow } from '../db/schema'
import { ApiError } from '../http/api-error'
import type { Viewer } from './access'
import { labelledProPays, splitLabelled } from './labelled-list'
import { inJson } from './load-job-data'

export async function loadProPay(db: Db, orgId: string, id: string): Promise<ProPayRow> {
  const [row] = await db
    .select()
    .from(propays)
    .where(and(eq(propays.id, id), eq(propays.orgId, orgId)))
  if (!row) throw new ApiError('not_found', 'No ProPay with this id in your organisation.')
  return row
}

/** One ProPay with the labels its summary names, in one statement (labelled-list.ts). */
export async function loadProPayLabelled(db: Db, orgId: string, id: string) {
  const { rows, labels } = splitLabelled(await labelledProPays(db, and(eq(propays.id, id), eq(propays.orgId, orgId))!))
  if (!rows[0]) throw new ApiError('not_found', 'No ProPay with this id in your organisation.')
  return { row: rows[0], labels }
}

export async function orgTimeZone(db: Db, orgId: string): Promise<string> {
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId))
  return org?.timeZone ?? 'UTC'
}

export interface ProPayFilter {
  status?: ProPayRow['status']
  /** Jobs by connection + vendor id; an empty list matches nothing. */
  jobs?: { connectionId: string; externalId: string }[]
  /** Connections; an empty list matches nothing. */
  connectionIds?: string[]
  limit: number
}

/** ProPays a crew lead or worker is on, as far as the stored breakdowns tell (kept fresh by the sync’s bonus pass and by edits). */
const onBreakdown = (viewer: Viewer): SQL => {
  const pairs = [...viewer.workerKeys].map((key) => key.split('\u0000') as [string, string])
  if (pairs.length === 0) return sql`0`
  return or(
    ...pairs.map(
      ([connectionId, workerId]) =>
        sql`(${propays.connectionId} = ${connectionId} AND EXISTS (SELECT 1 FROM json_each(${propays.breakdown}, '$.workers') AS w WHERE json_extract(w.value, '$.workerId') = ${workerId}))`,
    ),
  )!
}

/** The WHERE of a ProPay list; null when the filter matches nothing. */
function listWhere(viewer: Viewer, filter: ProPayFilter, seesAll: boolean): SQL | null {
  if (filter.jobs?.length === 0 || filter.connectionIds?.length === 0) return null
  const conditions: SQL[] = [eq(propays.orgId, viewer.orgId)]
  if (filter.status) conditions.push(eq(propays.status, filter.status))
  if (filter.jobs) {
    const byConnection = new Map<string, string[]>()
    for (const job of filter.jobs) byConnection.set(job.connectionId, [...(byConnection.get(job.connectionId) ?? []), job.externalId])
    conditions.push(or(...[...byConnection].map(([connectionId, ids]) => and(eq(propays.connectionId, connectionId), inJson(propays.jobExternalId, ids))))!)
  }
  if (filter.connectionIds) conditions.push(inJson(propays.connectionId, filter.connectionIds))
  if (!seesAll) conditions.push(onBreakdown(viewer))
  return and(...conditions)!
}

/** The list with the labels its summaries name, in one statement (labelled-list.ts); null when nothing can match. */
export async function listProPaysLabelled(db: Db, viewer: Viewer, filter: ProPayFilter, seesAll: boolean) {
  const where = listWhere(viewer, filter, seesAll)
  if (!where) return null
  return splitLabelled(await labelledProPays(db, where).orderBy(desc(propays.createdAt), desc(propays.id)).limit(filter.limit))
}
