/**
 * ProPays as the API shows them: a summary for lists and badges, the detail with the breakdown. Crew leads and
 * workers get the `own` view: no organisation figures, only their own rows and payouts.
 * @module
 */
import { and, eq } from 'drizzle-orm'
import type { Vendor } from '../../shared/api/connections'
import type { Problem, ProPayDetail, ProPayFigures, ProPaySummary } from '../../shared/api/propays'
import type { Db } from '../db/client'
import { branches, connections, jobs, milestones, users, type ProPayRow } from '../db/schema'
import { lineItemsOfProPays, workerNames } from '../statements/view'
import { ownRows, seesAll, workerKey, type Viewer } from './access'
import type { ProPayBreakdown } from './domain'
import { inJson } from './load-job-data'
import type { JobRow, MilestoneRow } from './synced-input'

/** What stands in the way of approving an active ProPay, besides its lifecycle: the breakdown's problems and ours. */
export function blockersOf(row: Pick<ProPayRow, 'status' | 'breakdown' | 'calculationIssues' | 'managerWorkerExternalId'>): Problem[] {
  if (row.status !== 'active') return []
  if (!row.breakdown) {
    const issues = (row.calculationIssues ?? []).map((i) => i.message).join(' ')
    return [{ code: 'calculation_failed', message: `The bonus cannot be computed: ${issues}` }]
  }
  const blockers: Problem[] = [...row.breakdown.problems]
  const managerBucket = row.breakdown.buckets.find((b) => b.role === 'manager')?.amountCents ?? 0
  if (managerBucket > 0 && row.managerWorkerExternalId === null) {
    blockers.push({
      code: 'no_manager_payee',
      message: 'No vendor worker is set to receive the manager bucket: set people.managerWorkerId on the ProPay.',
    })
  }
  return blockers
}

export const figuresOf = (breakdown: ProPayBreakdown): ProPayFigures => ({
  budgetSeconds: breakdown.budget.effective.seconds,
  budgetCents: breakdown.budget.laborBudgetCents,
  actualSeconds: breakdown.actual.seconds,
  actualCents: breakdown.actual.costCents,
  savedCents: breakdown.savings.savedCents,
  bonusPoolCents: breakdown.savings.workerShareCents,
  paidOutCents: breakdown.paidOutCents,
})

export interface Labels {
  vendors: Map<string, Vendor>
  jobs: Map<string, JobRow>
  milestones: Map<string, MilestoneRow>
  /** `connection \0 branch id` → synced name. */
  branches: Map<string, string>
  /** User id → name, for the ProPays' managers. */
  users: Map<string, string>
  /** `connection \0 worker id` → name, for managers known only as vendor workers. */
  workers: Map<string, string>
}

export type LabelledRow = Pick<ProPayRow, 'orgId' | 'connectionId' | 'jobExternalId' | 'milestoneExternalId' | 'managerUserId' | 'managerWorkerExternalId'>

const key = (connectionId: string, externalId: string) => `${connectionId}\u0000${externalId}`

/** The jobs, milestones, vendors, branches and managers behind some ProPays (all of one organisation), for names and links. */
export async function loadLabels(db: Db, rows: readonly LabelledRow[]): Promise<Labels> {
  const labels: Labels = { vendors: new Map(), jobs: new Map(), milestones: new Map(), branches: new Map(), users: new Map(), workers: new Map() }
  const connectionIds = [...new Set(rows.map((r) => r.connectionId))]
  if (connectionIds.length === 0) return labels
  for (const c of await db.select({ id: connections.id, vendor: connections.vendor }).from(connections).where(inJson(connections.id, connectionIds))) {
    labels.vendors.set(c.id, c.vendor)
  }
  for (const connectionId of connectionIds) {
    const mine = rows.filter((r) => r.connectionId === connectionId)
    const milestoneIds = mine.map((r) => r.milestoneExternalId).filter((id): id is string => id !== null)
    const [jobRows, milestoneRows] = await Promise.all([
      db.select().from(jobs).where(and(eq(jobs.connectionId, connectionId), inJson(jobs.externalId, mine.map((r) => r.jobExternalId)))),
      milestoneIds.length === 0
        ? Promise.resolve([])
        : db.select().from(milestones).where(and(eq(milestones.connectionId, connectionId), inJson(milestones.externalId, milestoneIds))),
    ])
    for (const job of jobRows) labels.jobs.set(key(connectionId, job.externalId), job)
    for (const milestone of milestoneRows) labels.milestones.set(key(connectionId, milestone.externalId), milestone)
    const branchIds = [...new Set(jobRows.map((j) => j.branchExternalId).filter((id): id is string => id !== null))]
    if (branchIds.length > 0) {
      const found = await db
        .select({ externalId: branches.externalId, name: branches.name })
        .from(branches)
        .where(and(eq(branches.connectionId, connectionId), inJson(branches.externalId, branchIds)))
      for (const b of found) labels.branches.set(key(connectionId, b.externalId), b.name)
    }
    const workerIds = [...new Set(mine.map((r) => managerWorkerOf(r, labels)).filter((id): id is string => id !== null))]
    if (workerIds.length > 0) for (const [k, name] of await workerNames(db, workerIds.map((workerId) => ({ connectionId, workerId })))) labels.workers.set(k, name)
  }
  const userIds = [...new Set(rows.map((r) => r.managerUserId).filter((id): id is string => id !== null))]
  if (userIds.length > 0) {
    const found = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.orgId, rows[0]!.orgId), inJson(users.id, userIds)))
    for (const u of found) labels.users.set(u.id, u.name)
  }
  return labels
}

/** The vendor worker who manages the ProPay: the one set on it, else the job's manager as synced. */
function managerWorkerOf(row: LabelledRow, labels: Labels): string | null {
  return row.managerWorkerExternalId ?? labels.jobs.get(key(row.connectionId, row.jobExternalId))?.managerExternalId ?? null
}

export function branchOf(row: LabelledRow, labels: Labels): ProPaySummary['branch'] {
  const externalId = labels.jobs.get(key(row.connectionId, row.jobExternalId))?.branchExternalId ?? null
  return externalId === null ? null : { externalId, name: labels.branches.get(key(row.connectionId, externalId)) ?? null }
}

export function managerOf(row: LabelledRow, labels: Labels): ProPaySummary['manager'] {
  const workerId = managerWorkerOf(row, labels)
  if (row.managerUserId === null && workerId === null) return null
  const name = (row.managerUserId !== null ? labels.users.get(row.managerUserId) : undefined) ?? (workerId !== null ? labels.workers.get(key(row.connectionId, workerId)) : undefined) ?? null
  return { userId: row.managerUserId, workerId, name }
}

export function toSummary(row: ProPayRow, labels: Labels, viewer: Viewer): ProPaySummary {
  const job = labels.jobs.get(key(row.connectionId, row.jobExternalId))
  const milestone = row.milestoneExternalId === null ? null : labels.milestones.get(key(row.connectionId, row.milestoneExternalId))
  const full = seesAll(viewer)
  const blockers = blockersOf(row)
  return {
    id: row.id,
    status: row.status,
    kind: row.milestoneExternalId === null ? 'job' : 'milestone',
    scopeKey: row.scopeKey,
    origin: row.origin,
    connectionId: row.connectionId,
    vendor: labels.vendors.get(row.connectionId) ?? null,
    job: {
      id: job && job.deletedAt === null ? job.id : null,
      externalId: row.jobExternalId,
      number: job?.number ?? null,
      name: job?.name ?? null,
    },
    milestone:
      row.milestoneExternalId === null
        ? null
        : {
            id: milestone && milestone.deletedAt === null ? milestone.id : null,
            externalId: row.milestoneExternalId,
            number: milestone?.number ?? null,
            name: milestone?.name ?? null,
          },
    managerUserId: row.managerUserId,
    managerWorkerId: row.managerWorkerExternalId,
    branch: branchOf(row, labels),
    manager: managerOf(row, labels),
    approvalRound: row.approvalRound,
    approvalDate: row.approvalDate,
    workState: row.breakdown?.workState ?? null,
    approvable: full && row.status === 'active' && blockers.length === 0,
    blockers: full ? blockers : [],
    figures: full && row.breakdown ? figuresOf(row.breakdown) : null,
    myBonusCents: full ? null : ownRows(viewer, row).reduce((sum, w) => sum + w.totalCents, 0),
    attention: row.attention,
    computedAt: row.computedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

/** The detail of one ProPay the viewer may see, with its line items (only their own in the `own` view). */
export async function toDetail(db: Db, row: ProPayRow, viewer: Viewer): Promise<ProPayDetail> {
  const full = seesAll(viewer)
  const [labels, items] = await Promise.all([loadLabels(db, [row]), lineItemsOfProPays(db, [row.id])])
  const mine = full ? null : ownRows(viewer, row)
  const shownIds = full ? (row.breakdown?.workers.map((w) => w.workerId) ?? []) : mine!.map((w) => w.workerId)
  const names = await workerNames(db, shownIds.map((workerId) => ({ connectionId: row.connectionId, workerId })))
  const ownIds = new Set(mine?.map((w) => w.workerId))
  return {
    ...toSummary(row, labels, viewer),
    visibility: full ? 'full' : 'own',
    settings: full
      ? {
          budget: row.budget,
          budgetSource: row.budgetSource,
          adjustment: row.adjustment,
          budgetModifierBp: row.budgetModifierBp,
          pool: row.pool,
          distribution: row.distribution,
          costSettings: row.costSettings,
          people: row.people,
          disqualifiers: row.disqualifiers,
          penalties: row.penalties,
          holdPolicy: row.holdPolicy,
          postingPeriod: row.postingPeriod,
        }
      : null,
    breakdown: full ? row.breakdown : null,
    calculationIssues: full ? (row.calculationIssues ?? []) : [],
    mine: mine && {
      workers: mine,
      payouts: (row.breakdown?.payouts ?? []).filter((p) => ownIds.has(p.workerId)),
      totalCents: mine.reduce((sum, w) => sum + w.totalCents, 0),
    },
    workerNames: Object.fromEntries(
      shownIds.flatMap((id) => {
        const name = names.get(workerKey(row.connectionId, id))
        return name === undefined ? [] : [[id, name]]
      }),
    ),
    lineItems: (items.get(row.id) ?? []).filter((item) => full || viewer.workerKeys.has(workerKey(item.connectionId, item.workerId))),
  }
}
