/**
 * The badges of one vendor list screen in a fixed number of queries, whatever the number of rows: the milestones
 * by vendor id, their jobs, the ProPays of those jobs, and their labels. ProPay figures come as stored: the sync's
 * bonus pass recomputes a ProPay when its inputs change (auto-create.ts), so reading a badge computes nothing. Only
 * a ProPay never computed yet (created a moment ago) is computed here, once.
 * @module
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { MilestoneBadge, MilestoneBadgesRequest } from '../../shared/api/jobs'
import type { Db } from '../db/client'
import { connections, jobs, milestones, propays } from '../db/schema'
import type { Viewer } from '../propay/access'
import { inJson } from '../propay/load-job-data'
import { storedOrComputed } from '../propay/refresh'
import { loadLabels, toSummary } from '../propay/view'

export async function milestoneBadges(db: Db, viewer: Viewer, request: { vendor: MilestoneBadgesRequest['vendor']; externalIds: readonly string[] }) {
  const ids = [...new Set(request.externalIds)]
  const badges: Record<string, MilestoneBadge | null> = Object.fromEntries(ids.map((id) => [id, null]))

  const found = await db
    .select({ milestone: milestones, job: jobs })
    .from(milestones)
    .innerJoin(connections, and(eq(connections.id, milestones.connectionId), eq(connections.orgId, milestones.orgId)))
    .innerJoin(jobs, and(eq(jobs.connectionId, milestones.connectionId), eq(jobs.externalId, milestones.jobExternalId), eq(jobs.orgId, milestones.orgId)))
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

  const connectionIds = [...new Set([...chosen.values()].map((r) => r.milestone.connectionId))]
  const jobIds = [...new Set([...chosen.values()].map((r) => r.job.externalId))]
  const stored = await db
    .select()
    .from(propays)
    .where(and(eq(propays.orgId, viewer.orgId), inArray(propays.connectionId, connectionIds), inJson(propays.jobExternalId, jobIds)))
  const rows = await storedOrComputed(db, stored)
  const labels = await loadLabels(db, rows)

  // The same choice as the job view (jobs/view.ts): a recurring job's visit has its own ProPay, other milestones
  // share the job's; whatever its status, as the job shows it.
  for (const [externalId, { milestone, job }] of chosen) {
    const scope = job.recurring ? milestone.externalId : null
    const covering = rows.find((row) => row.connectionId === milestone.connectionId && row.jobExternalId === job.externalId && row.milestoneExternalId === scope)
    badges[externalId] = {
      milestone: { externalId: milestone.externalId, name: milestone.name },
      job: { id: job.id, externalId: job.externalId, name: job.name },
      propay: covering ? toSummary(covering, labels, viewer) : null,
    }
  }
  return badges
}
