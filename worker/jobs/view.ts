/**
 * Jobs and milestones with their ProPays (labelled), budget against actual hours and the bonus pool so far, built in
 * one batch of reads (one D1 round trip) per connection, with the ProPays as stored (the extension's inline badges
 * read this).
 * @module
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { JobDetail, MilestoneView } from '../../shared/api/jobs'
import type { ProPaySummary } from '../../shared/api/propays'
import type { Db } from '../db/client'
import { budgets, materialAllocations, milestones, propays, timeEntries, type ProPayRow } from '../db/schema'
import type { Viewer } from '../propay/access'
import { inJson } from '../propay/load-job-data'
import { storedOrComputed } from '../propay/refresh'
import type { MilestoneRow } from '../propay/synced-input'
import { labelledProPays, splitLabelled } from '../propay/labelled-list'
import { toSummary } from '../propay/view'
import type { JobWithVendor } from './find-jobs'
import { type Allocation, type BudgetLine, materialProgress } from './material-progress'

interface Hours {
  work: number
  drive: number
}

const POOL_STATUSES = new Set<ProPayRow['status']>(['active', 'approved', 'paid'])

/** Work and drive seconds by milestone or job; `member` picks the rows (an IN over ids or over a subquery). */
function hoursRead(db: Db, connectionId: string, column: 'milestone' | 'job', member: (key: SQLiteColumn) => SQL) {
  const key = column === 'milestone' ? timeEntries.milestoneExternalId : timeEntries.jobExternalId
  return db
    .select({
      id: key,
      work: sql<number>`COALESCE(SUM(CASE WHEN ${timeEntries.isDrive} THEN 0 ELSE ${timeEntries.durationSeconds} END), 0)`,
      drive: sql<number>`COALESCE(SUM(CASE WHEN ${timeEntries.isDrive} THEN ${timeEntries.durationSeconds} ELSE 0 END), 0)`,
    })
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.connectionId, connectionId),
        isNull(timeEntries.deletedAt),
        member(key),
        column === 'job' ? isNull(timeEntries.milestoneExternalId) : undefined,
      ),
    )
    .groupBy(key)
}

const hoursById = (rows: readonly { id: string | null; work: number; drive: number }[]) => {
  const out = new Map<string, Hours>()
  for (const row of rows) if (row.id) out.set(row.id, { work: Number(row.work), drive: Number(row.drive) })
  return out
}

const grouped = <T extends { milestone: string | null }>(rows: readonly T[]) => {
  const out = new Map<string, T[]>()
  for (const row of rows) if (row.milestone) out.set(row.milestone, [...(out.get(row.milestone) ?? []), row])
  return out
}

/** Views of jobs (with their milestones), all of one organisation. */
export async function jobDetails(db: Db, viewer: Viewer, jobRows: readonly JobWithVendor[]): Promise<JobDetail[]> {
  const byConnection = new Map<string, JobWithVendor[]>()
  for (const job of jobRows) byConnection.set(job.connectionId, [...(byConnection.get(job.connectionId) ?? []), job])
  const views = new Map<string, JobDetail>()
  for (const [connectionId, group] of byConnection) {
    const jobIds = group.map((j) => j.externalId)
    // The live milestones of these jobs, as a subquery: every read below runs in one batch, one D1 round trip.
    const liveMilestones = db
      .select({ id: milestones.externalId })
      .from(milestones)
      .where(and(eq(milestones.connectionId, connectionId), isNull(milestones.deletedAt), inJson(milestones.jobExternalId, jobIds)))
    const theirProPays = and(eq(propays.orgId, viewer.orgId), eq(propays.connectionId, connectionId), inJson(propays.jobExternalId, jobIds))!
    // The ProPays come with their labels in one statement of their own (labelled-list.ts), sent beside the batch;
    // oldest first, as they were created (the order was the query plan's before).
    const [[milestoneRows, milestoneHourRows, jobHourRows, budgetLines, allocations], labelled] = await Promise.all([
      db.batch([
        db
          .select()
          .from(milestones)
          .where(and(eq(milestones.connectionId, connectionId), isNull(milestones.deletedAt), inJson(milestones.jobExternalId, jobIds)))
          .orderBy(milestones.scheduledDate, milestones.externalId),
        hoursRead(db, connectionId, 'milestone', (key) => inArray(key, liveMilestones)),
        hoursRead(db, connectionId, 'job', (key) => inJson(key, jobIds)),
        db
          .select({ milestone: budgets.milestoneExternalId, catalogItemExternalId: budgets.catalogItemExternalId, name: budgets.name, quantity: budgets.quantity })
          .from(budgets)
          .where(and(eq(budgets.connectionId, connectionId), eq(budgets.kind, 'material'), isNull(budgets.deletedAt), inArray(budgets.milestoneExternalId, liveMilestones))),
        db
          .select({ milestone: materialAllocations.milestoneExternalId, catalogItemExternalId: materialAllocations.catalogItemExternalId, quantity: materialAllocations.quantity })
          .from(materialAllocations)
          .where(and(eq(materialAllocations.connectionId, connectionId), isNull(materialAllocations.deletedAt), inArray(materialAllocations.milestoneExternalId, liveMilestones))),
      ]),
      labelledProPays(db, theirProPays).orderBy(propays.createdAt, propays.id),
    ])
    const { rows: propayRows, labels } = splitLabelled(labelled)
    const milestoneHours = hoursById(milestoneHourRows)
    const jobHours = hoursById(jobHourRows)
    const materials = { budget: grouped<BudgetLine & { milestone: string | null }>(budgetLines), used: grouped<Allocation & { milestone: string | null }>(allocations) }
    const fresh = await storedOrComputed(db, propayRows)
    const summaries = new Map(fresh.map((row) => [row.id, { row, summary: toSummary(row, labels, viewer) }]))
    for (const job of group) {
      const own = [...summaries.values()].filter(({ row }) => row.jobExternalId === job.externalId)
      const jobProPay = own.find(({ row }) => row.milestoneExternalId === null)
      const milestoneViews = milestoneRows
        .filter((m) => m.jobExternalId === job.externalId)
        .map((m) =>
          milestoneView(
            m,
            milestoneHours.get(m.externalId),
            job.recurring ? own.find(({ row }) => row.milestoneExternalId === m.externalId) : jobProPay,
            materialProgress(materials.budget.get(m.externalId) ?? [], materials.used.get(m.externalId) ?? []),
          ),
        )
      const direct = jobHours.get(job.externalId) ?? { work: 0, drive: 0 }
      const estimated = milestoneViews.filter((m) => m.status !== 'canceled').reduce((sum, m) => sum + (m.budgetSeconds ?? 0), 0)
      views.set(job.id, {
        id: job.id,
        connectionId,
        vendor: job.vendor,
        externalId: job.externalId,
        number: job.number,
        name: job.name,
        status: job.status,
        recurring: job.recurring,
        budgetSeconds: job.budgetSeconds ?? (estimated > 0 ? estimated : null),
        actualSeconds: direct.work + milestoneViews.reduce((sum, m) => sum + m.actualSeconds, 0),
        driveSeconds: direct.drive + milestoneViews.reduce((sum, m) => sum + m.driveSeconds, 0),
        bonusPoolCents: own
          .filter(({ row }) => POOL_STATUSES.has(row.status))
          .reduce((sum, { row }) => sum + (row.breakdown?.savings.workerShareCents ?? 0), 0),
        propays: own.map(({ summary }) => summary),
        milestones: milestoneViews,
      })
    }
  }
  return jobRows.map((job) => views.get(job.id)!)
}

function milestoneView(
  m: MilestoneRow,
  hours: Hours | undefined,
  propay: { row: ProPayRow; summary: ProPaySummary } | undefined,
  materials: MilestoneView['materials'],
): MilestoneView {
  const reviewed = propay !== undefined && (propay.row.status === 'approved' || propay.row.status === 'paid')
  return {
    id: m.id,
    connectionId: m.connectionId,
    externalId: m.externalId,
    jobExternalId: m.jobExternalId,
    number: m.number,
    name: m.name,
    status: m.status,
    reviewStatus: reviewed && m.status === 'pending_review' ? 'completed' : m.status,
    scheduledDate: m.scheduledDate,
    completedDate: m.completedDate,
    budgetSeconds: m.estimatedSeconds,
    actualSeconds: hours?.work ?? 0,
    driveSeconds: hours?.drive ?? 0,
    propay: propay?.summary ?? null,
    materials,
  }
}
