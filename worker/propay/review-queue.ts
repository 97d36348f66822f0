/**
 * `/api/v1/review-queue`, for admins and managers: milestones the vendor says are done (`pending_review`) whose
 * review has not finished — with or without a ProPay — and the ProPays that can be approved now.
 * @module
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { requireRole } from '../auth/require-role'
import { createDb } from '../db/client'
import { connections, milestones, propays } from '../db/schema'
import type { AppEnv } from '../env'
import { findJobs } from '../jobs/find-jobs'
import { jobDetails } from '../jobs/view'
import { viewerOf } from './access'
import { storedOrComputed } from './refresh'
import { reviewFilterOptions } from './review-filter-options'
import { branchOf, type LabelledRow, loadLabels, managerOf, toSummary } from './view'

const LIMIT = 500

export const reviewQueueRoutes = new Hono<AppEnv>().get('/', requireRole('admin', 'manager'), async (c) => {
  const db = createDb(c.env.DB)
  const viewer = await viewerOf(db, c.get('auth'))
  const waiting = await db
    .selectDistinct({ connectionId: milestones.connectionId, jobExternalId: milestones.jobExternalId })
    .from(milestones)
    .innerJoin(connections, and(eq(connections.id, milestones.connectionId), eq(connections.orgId, milestones.orgId)))
    .where(and(eq(milestones.orgId, viewer.orgId), eq(milestones.status, 'pending_review'), isNull(milestones.deletedAt), isNull(connections.deletedAt)))
    .limit(LIMIT)
  const jobRows = (
    await Promise.all(
      waiting
        .filter((w) => w.jobExternalId !== null)
        .map((w) => findJobs(db, viewer.orgId, { connectionId: w.connectionId, externalId: w.jobExternalId!, limit: 1 })),
    )
  ).flat()
  const details = await jobDetails(db, viewer, jobRows)
  // A milestone without a ProPay still has its job's branch and vendor manager to filter by.
  const asRow = (job: { connectionId: string; externalId: string }): LabelledRow => ({
    orgId: viewer.orgId,
    connectionId: job.connectionId,
    jobExternalId: job.externalId,
    milestoneExternalId: null,
    managerUserId: null,
    managerWorkerExternalId: null,
  })
  const jobLabels = await loadLabels(db, jobRows.map(asRow))
  const queue = details.flatMap(({ milestones: list, ...job }) =>
    list
      .filter((m) => m.reviewStatus === 'pending_review')
      .map((milestone) => ({
        milestone,
        job: {
          id: job.id,
          externalId: job.externalId,
          name: job.name,
          number: job.number,
          vendor: job.vendor,
          branch: milestone.propay?.branch ?? branchOf(asRow(job), jobLabels),
          manager: milestone.propay?.manager ?? managerOf(asRow(job), jobLabels),
        },
      })),
  )
  // Active ProPays whose work was complete when last computed (e.g. every milestone `completed` at the vendor).
  const completeRows = await db
    .select()
    .from(propays)
    .where(and(eq(propays.orgId, viewer.orgId), eq(propays.status, 'active'), sql`json_extract(${propays.breakdown}, '$.workState') = 'complete'`))
    .limit(LIMIT)
  const fromQueue = new Set(queue.map((q) => q.milestone.propay?.id).filter((id): id is string => !!id))
  const fresh = await storedOrComputed(db, completeRows.filter((row) => !fromQueue.has(row.id)))
  const labels = await loadLabels(db, fresh)
  const ready = new Map(queue.flatMap(({ milestone }) => (milestone.propay?.approvable ? [[milestone.propay.id, milestone.propay]] : [])))
  for (const row of fresh) {
    const summary = toSummary(row, labels, viewer)
    if (summary.approvable) ready.set(row.id, summary)
  }
  const readyToApprove = [...ready.values()]
  return c.json({ milestones: queue, readyToApprove, filters: reviewFilterOptions(queue, readyToApprove) }, 200)
})
