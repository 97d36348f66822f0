/**
 * Records created or changed here that flow to the vendor: time entries (as the crew's app creates them
 * at clock-out) and material allocations. Each is validated, stored in the outbox and sent by the
 * connection's next sync step, which starts at once.
 * @module
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { CreateMaterialRequest, CreateTimeEntryRequest, TimeEntryQuery, UpdateMaterialRequest } from '../../shared/api/push'
import { requireRole } from '../auth/require-role'
import { loadOwnedConnection } from '../connections/load-owned'
import { startSyncRateLimited } from '../sync/start-sync'
import { createDb, type Db } from '../db/client'
import { pushRecords, syncConflicts, timeEntries } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { json, params, query } from '../http/validate'
import type { PushKind } from '../sync/connector'
import { connectorFor } from '../sync/registry'
import { nowIso } from '../util/clock'
import { assertNoOverlap } from './overlap'
import { milestoneTimeZone, requireMaterial, requireOpenMilestone, requireWorker } from './references'
import { toPushView } from './view'

const IdParam = z.object({ id: z.string().min(1).max(100) })
const MAX_ENTRY_MS = 16 * 3600_000
const DEFAULT_PAGE = 500

async function writableConnection(db: Db, orgId: string, connectionId: string, kind: PushKind) {
  const connection = await loadOwnedConnection(db, orgId, connectionId)
  if (!connectorFor(connection.vendor).push?.[kind]) throw new ApiError('unprocessable', `This ${connection.vendor} connection does not take ${kind.replace('_', ' ')}s from Protiv.`)
  return connection
}

async function enqueue(db: Db, env: AppEnv['Bindings'], record: typeof pushRecords.$inferInsert) {
  await db.insert(pushRecords).values(record)
  await startSyncRateLimited(env, record.connectionId)
  const [row] = await db.select().from(pushRecords).where(eq(pushRecords.id, record.id))
  return toPushView(row!)
}

/** Which of these vendor ids are synced (live) time entries: a pushed record is shown as its synced copy, once. */
async function pulledIds(db: Db, connectionId: string, externalIds: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  // D1 binds at most 100 parameters per statement.
  for (let i = 0; i < externalIds.length; i += 90) {
    const rows = await db
      .select({ externalId: timeEntries.externalId })
      .from(timeEntries)
      .where(and(eq(timeEntries.connectionId, connectionId), isNull(timeEntries.deletedAt), inArray(timeEntries.externalId, externalIds.slice(i, i + 90))))
    for (const r of rows) found.add(r.externalId)
  }
  return found
}

export const timeEntryRoutes = new Hono<AppEnv>()
  .post('/', requireRole('admin', 'manager', 'crew_lead'), json(CreateTimeEntryRequest), async (c) => {
    const input = c.req.valid('json')
    const db = createDb(c.env.DB)
    const { orgId, userId } = c.get('auth')
    const connection = await writableConnection(db, orgId, input.connectionId, 'time_entry')
    const startMs = Date.parse(input.startAt)
    const endMs = Date.parse(input.endAt)
    if (endMs <= startMs) throw new ApiError('bad_request', 'endAt must be after startAt.')
    if (endMs - startMs > MAX_ENTRY_MS) throw new ApiError('bad_request', 'A time entry cannot be longer than 16 hours; split it.')
    if (endMs > Date.now() + 5 * 60_000) throw new ApiError('bad_request', 'endAt is in the future; add time once it has been worked.')
    await requireWorker(db, connection.id, input.workerExternalId)
    const milestone = await requireOpenMilestone(db, connection.id, input.milestoneExternalId)
    await assertNoOverlap(c.env.DB, connection.id, input.workerExternalId, input.startAt, input.endAt)
    const now = nowIso()
    const view = await enqueue(db, c.env, {
      id: crypto.randomUUID(),
      orgId,
      connectionId: connection.id,
      kind: 'time_entry',
      operation: 'create',
      payload: {
        workerExternalId: input.workerExternalId,
        milestoneExternalId: input.milestoneExternalId,
        startAt: new Date(startMs).toISOString(),
        endAt: new Date(endMs).toISOString(),
        timeZone: await milestoneTimeZone(db, orgId, connection.id, milestone.branchExternalId),
        routeExternalId: input.routeExternalId ?? null,
        crewLeaderExternalId: milestone.crewLeaderExternalId,
      },
      state: 'pending',
      createdByUserId: userId,
      createdAt: now,
      updatedAt: now,
    })
    return c.json(view, 202)
  })
  .get('/', requireRole('admin', 'manager', 'crew_lead'), query(TimeEntryQuery), async (c) => {
    const q = c.req.valid('query')
    const db = createDb(c.env.DB)
    const connection = await loadOwnedConnection(db, c.get('auth').orgId, q.connectionId)
    const limit = q.limit ?? DEFAULT_PAGE
    // Keyset on (work date, id): pages never shift when a sync adds entries between two requests.
    const [afterDate, afterId] = q.cursor ? (q.cursor.split('~') as [string, string]) : [null, null]
    const page = await db
      .select()
      .from(timeEntries)
      .where(
        and(
          eq(timeEntries.connectionId, connection.id),
          isNull(timeEntries.deletedAt),
          q.milestoneExternalId ? eq(timeEntries.milestoneExternalId, q.milestoneExternalId) : undefined,
          q.workerExternalId ? eq(timeEntries.workerExternalId, q.workerExternalId) : undefined,
          q.from ? gte(timeEntries.workDate, q.from) : undefined,
          q.to ? lte(timeEntries.workDate, q.to) : undefined,
          afterDate && afterId ? or(gt(timeEntries.workDate, afterDate), and(eq(timeEntries.workDate, afterDate), gt(timeEntries.id, afterId))) : undefined,
        ),
      )
      .orderBy(asc(timeEntries.workDate), asc(timeEntries.id))
      .limit(limit + 1)
    const synced = page.slice(0, limit)
    const last = synced.at(-1)
    const nextCursor = page.length > limit && last ? `${last.workDate}~${last.id}` : null
    const outbox = await db
      .select()
      .from(pushRecords)
      .where(and(eq(pushRecords.connectionId, connection.id), eq(pushRecords.kind, 'time_entry'), inArray(pushRecords.state, ['pending', 'sending', 'pushed'])))
    const byVendorId = new Map(outbox.filter((p) => p.vendorExternalId).map((p) => [p.vendorExternalId!, p]))
    const startDay = (p: (typeof outbox)[number]) => String(p.payload.startAt).slice(0, 10)
    const matches = (p: (typeof outbox)[number]) =>
      (!q.milestoneExternalId || p.payload.milestoneExternalId === q.milestoneExternalId) &&
      (!q.workerExternalId || p.payload.workerExternalId === q.workerExternalId) &&
      (!q.from || startDay(p) >= q.from) &&
      (!q.to || startDay(p) <= q.to)
    // A record pushed and pulled back appears once: the synced row, linked to the Protiv record.
    const fromVendor = synced.map((t) => {
      const origin = byVendorId.get(t.externalId)
      return {
        id: t.id,
        source: origin ? ('protiv' as const) : ('vendor' as const),
        connectionId: t.connectionId,
        externalId: t.externalId,
        workerExternalId: t.workerExternalId,
        milestoneExternalId: t.milestoneExternalId,
        workDate: t.workDate,
        startAt: t.startAt,
        endAt: t.endAt,
        durationSeconds: t.durationSeconds,
        pushRecordId: origin?.id ?? null,
        pushState: origin?.state ?? null,
      }
    })
    // Records not yet pulled back are few (the outbox drains every sync): they come once, with the first page.
    const pulled = q.cursor ? null : await pulledIds(db, connection.id, outbox.flatMap((p) => (p.vendorExternalId ? [p.vendorExternalId] : [])))
    const notYetPulled = outbox
      .filter((p) => pulled && matches(p) && !(p.vendorExternalId && pulled.has(p.vendorExternalId)))
      .map((p) => ({
        id: p.id,
        source: 'protiv' as const,
        connectionId: p.connectionId,
        externalId: p.vendorExternalId,
        workerExternalId: String(p.payload.workerExternalId),
        milestoneExternalId: String(p.payload.milestoneExternalId),
        workDate: null,
        startAt: String(p.payload.startAt),
        endAt: String(p.payload.endAt),
        durationSeconds: Math.round((Date.parse(String(p.payload.endAt)) - Date.parse(String(p.payload.startAt))) / 1000),
        pushRecordId: p.id,
        pushState: p.state,
      }))
    return c.json({ timeEntries: [...fromVendor, ...notYetPulled], nextCursor }, 200)
  })

export const materialRoutes = new Hono<AppEnv>()
  .post('/', requireRole('admin', 'manager', 'crew_lead'), json(CreateMaterialRequest), async (c) => {
    const input = c.req.valid('json')
    const db = createDb(c.env.DB)
    const { orgId, userId } = c.get('auth')
    const connection = await writableConnection(db, orgId, input.connectionId, 'material')
    await requireOpenMilestone(db, connection.id, input.milestoneExternalId)
    const now = nowIso()
    const { connectionId: _, ...payload } = input
    const view = await enqueue(db, c.env, {
      id: crypto.randomUUID(),
      orgId,
      connectionId: connection.id,
      kind: 'material',
      operation: 'create',
      payload,
      state: 'pending',
      createdByUserId: userId,
      createdAt: now,
      updatedAt: now,
    })
    return c.json(view, 202)
  })
  .patch('/:id', requireRole('admin', 'manager', 'crew_lead'), params(IdParam), json(UpdateMaterialRequest), async (c) => {
    const input = c.req.valid('json')
    const db = createDb(c.env.DB)
    const { orgId, userId } = c.get('auth')
    const material = await requireMaterial(db, orgId, c.req.valid('param').id)
    const connection = await writableConnection(db, orgId, material.connectionId, 'material')
    if (!material.milestoneExternalId || !material.catalogItemExternalId || !material.allocationDate) {
      throw new ApiError('unprocessable', 'This allocation lacks its work ticket, item or date in the synced data and cannot be changed from here.')
    }
    const location = input.inventoryLocationExternalId ?? material.inventoryLocationExternalId
    if (!location) throw new ApiError('bad_request', 'inventoryLocationExternalId is required: Aspire needs to know where the material came from.')
    const now = nowIso()
    const view = await enqueue(db, c.env, {
      id: crypto.randomUUID(),
      orgId,
      connectionId: connection.id,
      kind: 'material',
      operation: 'update',
      vendorExternalId: material.externalId,
      baseVendorModified: material.vendorModified,
      payload: {
        milestoneExternalId: material.milestoneExternalId,
        catalogItemExternalId: material.catalogItemExternalId,
        inventoryLocationExternalId: location,
        quantity: input.quantity ?? material.quantity,
        allocationDate: material.allocationDate,
      },
      state: 'pending',
      createdByUserId: userId,
      createdAt: now,
      updatedAt: now,
    })
    return c.json(view, 202)
  })

/** Per connection: the outbox with each record's state and reason, and the conflict log. */
export const outboxRoutes = new Hono<AppEnv>()
  .get('/:id/pushes', requireRole('admin', 'manager'), params(IdParam), async (c) => {
    const db = createDb(c.env.DB)
    const connection = await loadOwnedConnection(db, c.get('auth').orgId, c.req.valid('param').id)
    const rows = await db.select().from(pushRecords).where(eq(pushRecords.connectionId, connection.id)).orderBy(desc(pushRecords.createdAt)).limit(200)
    return c.json({ pushes: rows.map(toPushView) }, 200)
  })
  .get('/:id/conflicts', requireRole('admin'), params(IdParam), async (c) => {
    const db = createDb(c.env.DB)
    const connection = await loadOwnedConnection(db, c.get('auth').orgId, c.req.valid('param').id)
    const rows = await db.select().from(syncConflicts).where(eq(syncConflicts.connectionId, connection.id)).orderBy(desc(syncConflicts.createdAt)).limit(200)
    return c.json(
      {
        conflicts: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          vendorExternalId: r.vendorExternalId,
          pushRecordId: r.pushRecordId,
          ours: r.ours,
          theirs: r.theirs ?? null,
          resolution: r.resolution,
          createdAt: r.createdAt,
        })),
      },
      200,
    )
  })
