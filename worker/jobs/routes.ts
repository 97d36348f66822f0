/**
 * `/api/v1/jobs` and `/api/v1/milestones`: synced work with its ProPays, found by our id or the vendor's. Admins
 * and managers only: these views carry budgets and the bonus pools of whole crews.
 * @module
 */
import { and, eq, isNull } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { JobListQuery, MilestoneBadgesRequest, MilestoneLookupQuery } from '../../shared/api/jobs'
import { requireRole } from '../auth/require-role'
import { createDb } from '../db/client'
import { connections, jobs, milestones } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { json, params, query } from '../http/validate'
import { viewerOf } from '../propay/access'
import { findJobs } from './find-jobs'
import { milestoneBadges } from './milestone-badges'
import { jobDetails } from './view'

const IdParam = z.object({ id: z.string().min(1).max(100) })

export const jobRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'manager'), query(JobListQuery), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const q = c.req.valid('query')
    const rows = await findJobs(db, viewer.orgId, { ...q, limit: q.limit ?? 100 })
    const details = await jobDetails(db, viewer, rows)
    return c.json({ jobs: details.map(({ milestones: _milestones, ...job }) => job) }, 200)
  })
  .get('/:id', requireRole('admin', 'manager'), params(IdParam), async (c) => {
    const db = createDb(c.env.DB)
    const viewer = await viewerOf(db, c.get('auth'))
    const [job] = await findJobs(db, viewer.orgId, { jobId: c.req.valid('param').id, limit: 1 })
    if (!job) throw new ApiError('not_found', 'No job with this id in your organisation.')
    const [detail] = await jobDetails(db, viewer, [job])
    return c.json(detail!, 200)
  })

export const milestoneRoutes = new Hono<AppEnv>()
  .post('/badges', requireRole('admin', 'manager'), json(MilestoneBadgesRequest), async (c) => {
    const db = createDb(c.env.DB)
    return c.json({ badges: await milestoneBadges(db, await viewerOf(db, c.get('auth')), c.req.valid('json')) }, 200)
  })
  .get('/', requireRole('admin', 'manager'), query(MilestoneLookupQuery), async (c) => {
  const db = createDb(c.env.DB)
  const viewer = await viewerOf(db, c.get('auth'))
  const q = c.req.valid('query')
  // The ticket's job comes in the same statement (one query, not one more per match): this is the extension's most
  // frequent read, one per work ticket on screen.
  const found = await db
    .select({ job: jobs, vendor: connections.vendor })
    .from(milestones)
    .innerJoin(connections, and(eq(connections.id, milestones.connectionId), eq(connections.orgId, milestones.orgId)))
    .innerJoin(jobs, and(eq(jobs.connectionId, milestones.connectionId), eq(jobs.externalId, milestones.jobExternalId), eq(jobs.orgId, milestones.orgId)))
    .where(
      and(
        eq(milestones.orgId, viewer.orgId),
        eq(milestones.externalId, q.externalId!),
        isNull(milestones.deletedAt),
        isNull(connections.deletedAt),
        isNull(jobs.deletedAt),
        q.vendor ? eq(connections.vendor, q.vendor) : undefined,
        q.connectionId ? eq(milestones.connectionId, q.connectionId) : undefined,
      ),
    )
    .limit(50)
  const jobRows = found.map(({ job, vendor }) => ({ ...job, vendor }))
  const details = await jobDetails(db, viewer, jobRows)
  const matches = details.flatMap(({ milestones: list, ...job }) =>
    list.filter((m) => m.externalId === q.externalId).map((milestone) => ({ milestone, job })),
  )
  return c.json({ milestones: matches }, 200)
})
