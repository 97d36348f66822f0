/**
 * The badges of one vendor list screen in one statement, whatever the number of rows: the milestones by vendor id
 * with their jobs, the ProPay covering each and what its summary names (vendor, branch, manager), joined. ProPay
 * figures come as stored: the sync's bonus pass recomputes a ProPay when its inputs change (auto-create.ts), so
 * reading a badge computes nothing. Only a ProPay never computed yet (created a moment ago) is computed here, once.
 * @module
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { MilestoneBadge, MilestoneBadgesRequest } from '../../shared/api/jobs'
import type { Db } from '../db/client'
import { branches, connections, jobs, milestones, propays, users, workers } from '../db/schema'
import type { Viewer } from '../propay/access'
import { splitLabelled } from '../propay/labelled-list'
import { inJson } from '../propay/load-job-data'
import { storedOrComputed } from '../propay/refresh'
import { toSummary } from '../propay/view'

export async function milestoneBadges(db: Db, viewer: Viewer, request: { vendor: MilestoneBadgesRequest['vendor']; externalIds: readonly string[] }) {
  const ids = [...new Set(request.externalIds)]
  const badges: Record<string, MilestoneBadge | null> = Object.fromEntries(ids.map((id) => [id, null]))

  const found = await db
    .select({
      milestone: milestones,
      job: jobs,
      vendor: connections.vendor,
      propay: propays,
      branchName: branches.name,
      userName: users.name,
      workerName: workers.name,
    })
    .from(milestones)
    .innerJoin(connections, and(eq(connections.id, milestones.connectionId), eq(connections.orgId, milestones.orgId)))
    .innerJoin(jobs, and(eq(jobs.connectionId, milestones.connectionId), eq(jobs.externalId, milestones.jobExternalId), eq(jobs.orgId, milestones.orgId)))
    // The same choice as the job view (jobs/view.ts): a recurring job's visit has its own ProPay, other milestones
    // share the job's; whatever its status, as the job shows it. A scope has at most one ProPay (propays_org_scope_unique).
    .leftJoin(
      propays,
      and(
        eq(propays.orgId, milestones.orgId),
        eq(propays.connectionId, milestones.connectionId),
        eq(propays.jobExternalId, jobs.externalId),
        sql`${propays.milestoneExternalId} IS (CASE WHEN ${jobs.recurring} THEN ${milestones.externalId} ELSE NULL END)`,
      ),
    )
    .leftJoin(branches, and(eq(branches.connectionId, milestones.connectionId), eq(branches.externalId, jobs.branchExternalId)))
    .leftJoin(users, and(eq(users.id, propays.managerUserId), eq(users.orgId, propays.orgId)))
    .leftJoin(workers, and(eq(workers.connectionId, milestones.connectionId), eq(workers.externalId, sql`COALESCE(${propays.managerWorkerExternalId}, ${jobs.managerExternalId})`)))
    .where(
      and(
        eq(milestones.orgId, viewer.orgId),
        eq(connections.vendor, request.vendor),
        inJson(milestones.externalId, ids),
        isNull(milestones.deletedAt),
        isNull(jobs.deletedAt),
        isNull(connections.deletedAt),
      ),
    )
    // Two connections to one vendor can both hold an id: the most recently synced one answers, as the single lookup does.
    .orderBy(desc(milestones.updatedAt), desc(milestones.id))
  const chosen = new Map<string, (typeof found)[number]>()
  for (const row of found) if (!chosen.has(row.milestone.externalId)) chosen.set(row.milestone.externalId, row)
  if (chosen.size === 0) return badges

  const covered = [...chosen.values()].flatMap(({ propay, milestone, ...rest }) => (propay ? [{ ...rest, propay, milestone: propay.milestoneExternalId === null ? null : milestone }] : []))
  const { rows, labels } = splitLabelled(covered)
  const fresh = new Map((await storedOrComputed(db, rows)).map((row) => [row.id, row]))
  for (const [externalId, { milestone, job, propay }] of chosen) {
    const covering = propay && fresh.get(propay.id)
    badges[externalId] = {
      milestone: { externalId: milestone.externalId, name: milestone.name },
      job: { id: job.id, externalId: job.externalId, name: job.name },
      propay: covering ? toSummary(covering, labels, viewer) : null,
    }
  }
  return badges
}
