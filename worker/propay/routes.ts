/**
 * `/api/v1/propays`: create by hand, list, read with the live breakdown, edit while active, approve, unapprove,
 * cancel and restore. Admins and the ProPay's manager act on it; other managers watch; crew leads and workers see
 * only the ProPays they are on, with only their own figures.
 * @module
 */
import { and, eq, isNull } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { ApproveProPayRequest, CreateProPayRequest, ListProPaysQuery, UpdateProPayRequest } from '../../shared/api/propays'
import { requireRole } from '../auth/require-role'
import { createDb, type Db } from '../db/client'
import { connections } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { json, params, query } from '../http/validate'
import { findJobs } from '../jobs/find-jobs'
import { nowIso } from '../util/clock'
import { canSee, requireManage, seesAll, viewerOf, type Viewer } from './access'
import { approve, cancel, restore, unapprove } from './lifecycle'
import { listProPaysLabelled, loadProPay, loadProPayLabelled, orgTimeZone, type ProPayFilter } from './load-propays'
import { createManually } from './manual-create'
import { refreshActive, storedOrComputed } from './refresh'
import { loadBonusSettings } from './settings'
import { todayIn } from './today'
import { updateProPay } from './update'
import { toDetail, toSummary } from './view'

const IdParam = z.object({ id: z.string().min(1).max(100) })

/**
 * The ProPay as the viewer may see it: as stored (the sync recomputes it when its synced rows change), or, right
 * after a write that changed its inputs, recomputed from the synced rows and stored. A plain read (the breakdown the
 * extension opens) gets the row with its labels in one statement; after a write the labels are read again, since
 * the write may have changed the manager.
 */
async function detail(db: Db, viewer: Viewer, id: string, afterWrite = false) {
  const { row: loaded, labels } = afterWrite ? { row: await loadProPay(db, viewer.orgId, id), labels: undefined } : await loadProPayLabelled(db, viewer.orgId, id)
  const [row] = afterWrite ? await refreshActive(db, [loaded]) : await storedOrComputed(db, [loaded])
  if (!canSee(viewer, row!)) throw new ApiError('forbidden', 'You can see only the ProPays you worked on.')
  return toDetail(db, row!, viewer, labels)
}

/** A lifecycle action without a body (unapprove, cancel, restore): who may, the move itself, the new detail. */
async function transition(
  d1: D1Database,
  auth: AppEnv['Variables']['auth'],
  id: string,
  what: string,
  move: (db: Db, row: Awaited<ReturnType<typeof manageable>>, now: string) => Promise<unknown>,
) {
  const db = createDb(d1)
  const viewer = await viewerOf(db, auth)
  const row = await manageable(db, viewer, id, what)
  await move(db, row, nowIso())
  // Unapproved or restored, it is active again: its breakdown is recomputed from what is synced now.
  return detail(db, viewer, row.id, true)
}

/** Loads a ProPay the caller may change (admin or its manager), else 404 (other org) or 403. */
async function manageable(db: Db, viewer: Viewer, id: string, what: string) {
  const row = await loadProPay(db, viewer.orgId, id)
  requireManage(viewer, row, what)
  return row
}

/** A job (our id, or the vendor's id per vendor or connection), or every job of a vendor or connection. */
async function workFilter(db: Db, orgId: string, q: z.output<typeof ListProPaysQuery>): Promise<Pick<ProPayFilter, 'jobs' | 'connectionIds'>> {
  if (q.jobId !== undefined || q.externalId !== undefined) {
    const found = await findJobs(db, orgId, { jobId: q.jobId, vendor: q.vendor, connectionId: q.connectionId, externalId: q.externalId, limit: 500 })
    return { jobs: found.map((job) => ({ connectionId: job.connectionId, externalId: job.externalId })) }
  }
  if (q.vendor === undefined && q.connectionId === undefined) return {}
  const found = await db
    .select({ id: connections.id })
    .from(connections)
    .where(
      and(
        eq(connections.orgId, orgId),
        isNull(connections.deletedAt),
        q.vendor ? eq(connections.vendor, q.vendor) : undefined,
        q.connectionId ? eq(connections.id, q.connectionId) : undefined,
      ),
    )
  return { connectionIds: found.map((c) => c.id) }
}

export const proPayRoutes = new Hono<AppEnv>()
  .post('/', requireRole('admin', 'manager'), json(CreateProPayRequest), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const row = await createManually(db, viewer, c.req.valid('json'))
    return c.json(await toDetail(db, row, viewer), 201)
  })
  .get('/', query(ListProPaysQuery), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const q = c.req.valid('query')
    const list = await listProPaysLabelled(db, viewer, { status: q.status, ...(await workFilter(db, viewer.orgId, q)), limit: q.limit ?? 100 }, seesAll(viewer))
    if (!list) return c.json({ propays: [] }, 200)
    const fresh = (await storedOrComputed(db, list.rows)).filter((row) => canSee(viewer, row))
    return c.json({ propays: fresh.map((row) => toSummary(row, list.labels, viewer)) }, 200)
  })
  .get('/:id', params(IdParam), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    return c.json(await detail(db, viewer, c.req.valid('param').id), 200)
  })
  .patch('/:id', requireRole('admin', 'manager'), params(IdParam), json(UpdateProPayRequest), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const row = await manageable(db, viewer, c.req.valid('param').id, 'change it')
    await updateProPay(db, row, c.req.valid('json'), nowIso())
    return c.json(await detail(db, viewer, row.id, true), 200)
  })
  .post('/:id/approve', requireRole('admin', 'manager'), params(IdParam), json(ApproveProPayRequest), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const row = await manageable(db, viewer, c.req.valid('param').id, 'approve it')
    const body = c.req.valid('json')
    const [{ settings }, timeZone] = await Promise.all([loadBonusSettings(db, viewer.orgId), orgTimeZone(db, viewer.orgId)])
    await approve(db, row, body, { settings, approvalDate: body.approvalDate ?? todayIn(timeZone), userId: viewer.userId, now: nowIso() })
    return c.json(await detail(db, viewer, row.id), 200)
  })
  .post('/:id/unapprove', requireRole('admin', 'manager'), params(IdParam), async (c) =>
    c.json(await transition(c.env.DB, c.get('auth'), c.req.valid('param').id, 'unapprove it', unapprove), 200),
  )
  .post('/:id/cancel', requireRole('admin', 'manager'), params(IdParam), async (c) =>
    c.json(await transition(c.env.DB, c.get('auth'), c.req.valid('param').id, 'cancel it', cancel), 200),
  )
  .post('/:id/restore', requireRole('admin', 'manager'), params(IdParam), async (c) =>
    c.json(await transition(c.env.DB, c.get('auth'), c.req.valid('param').id, 'restore it', restore), 200),
  )
