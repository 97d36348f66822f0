/**
 * ProPays as the API shows them: a summary for lists and badges, the detail with the breakdown. Crew leads and
 * workers get the `own` view: no organisation figures, only their own rows and payouts.
 * @module
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Vendor } from '../../shared/api/connections'
import type { Problem, ProPayDetail, ProPayFigures, ProPaySummary } from '../../shared/api/propays'
import type { Db } from '../db/client'
import { branches, connections, jobs, milestones, users, workers, type ProPayRow } from '../db/schema'
import { lineItemsByProPay, lineItemsRead, namesByWorker, workerNamesRead } from '../statements/view'
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

/** The key of `Labels`' maps. */
export const labelKey = (connectionId: string, externalId: string) => `${connectionId}\u0000${externalId}`
const key = labelKey

/** What labelling a ProPay (or a job's row standing in for one) needs of it; all rows of one organisation. */
export type LabelledRow = Pick<ProPayRow, 'orgId' | 'connectionId' | 'jobExternalId' | 'milestoneExternalId' | 'managerUserId' | 'managerWorkerExternalId'>

const emptyLabels = (): Labels => ({ vendors: new Map(), jobs: new Map(), milestones: new Map(), branches: new Map(), users: new Map(), workers: new Map() })

/**
 * The reads behind `loadLabels`: six statements whatever the number of ProPays and connections, to run in one batch
 * (one D1 round trip), alone or with a caller's other reads. Branches and the managers' vendor workers are found
 * through their jobs by subquery, so they need no second trip.
 */
export function labelReads(db: Db, rows: readonly LabelledRow[]) {
  const jobIds = new Map<string, Set<string>>()
  const milestoneIds = new Map<string, Set<string>>()
  const managerWorkerIds = new Map<string, Set<string>>()
  for (const r of rows) {
    jobIds.set(r.connectionId, (jobIds.get(r.connectionId) ?? new Set()).add(r.jobExternalId))
    if (r.milestoneExternalId !== null) milestoneIds.set(r.connectionId, (milestoneIds.get(r.connectionId) ?? new Set()).add(r.milestoneExternalId))
    if (r.managerWorkerExternalId !== null) managerWorkerIds.set(r.connectionId, (managerWorkerIds.get(r.connectionId) ?? new Set()).add(r.managerWorkerExternalId))
  }
  const anyOf = (conditions: (SQL | undefined)[]) => (conditions.length > 0 ? or(...conditions)! : sql`0`)
  const jobsOf = (connectionId: string, ids: Set<string>) => and(eq(jobs.connectionId, connectionId), inJson(jobs.externalId, [...ids]))
  const userIds = [...new Set(rows.map((r) => r.managerUserId).filter((id): id is string => id !== null))]
  const orgId = rows[0]?.orgId ?? ''
  return [
    db.select({ id: connections.id, vendor: connections.vendor }).from(connections).where(inJson(connections.id, [...jobIds.keys()])),
    db
      .select()
      .from(jobs)
      .where(anyOf([...jobIds].map(([connectionId, ids]) => jobsOf(connectionId, ids)))),
    db
      .select()
      .from(milestones)
      .where(anyOf([...milestoneIds].map(([connectionId, ids]) => and(eq(milestones.connectionId, connectionId), inJson(milestones.externalId, [...ids]))))),
    db
      .select({ connectionId: branches.connectionId, externalId: branches.externalId, name: branches.name })
      .from(branches)
      .where(
        anyOf(
          [...jobIds].map(([connectionId, ids]) =>
            and(eq(branches.connectionId, connectionId), inArray(branches.externalId, db.select({ id: jobs.branchExternalId }).from(jobs).where(jobsOf(connectionId, ids)))),
          ),
        ),
      ),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(userIds.length > 0 ? and(eq(users.orgId, orgId), inJson(users.id, userIds)) : sql`0`),
    db
      .select({ connectionId: workers.connectionId, externalId: workers.externalId, name: workers.name })
      .from(workers)
      .where(
        anyOf(
          [...jobIds].map(([connectionId, ids]) =>
            and(
              eq(workers.connectionId, connectionId),
              or(
                inJson(workers.externalId, [...(managerWorkerIds.get(connectionId) ?? [])]),
                inArray(workers.externalId, db.select({ id: jobs.managerExternalId }).from(jobs).where(jobsOf(connectionId, ids))),
              ),
            ),
          ),
        ),
      ),
  ] as const
}

type LabelAnswers = [
  { id: string; vendor: Vendor }[],
  JobRow[],
  MilestoneRow[],
  { connectionId: string; externalId: string; name: string }[],
  { id: string; name: string }[],
  { connectionId: string; externalId: string; name: string }[],
]

/** Labels from the answers to `labelReads`. */
export function labelsFrom([vendors, jobRows, milestoneRows, branchRows, userRows, workerRows]: Readonly<LabelAnswers>): Labels {
  const labels = emptyLabels()
  for (const c of vendors) labels.vendors.set(c.id, c.vendor)
  for (const job of jobRows) labels.jobs.set(key(job.connectionId, job.externalId), job)
  for (const milestone of milestoneRows) labels.milestones.set(key(milestone.connectionId, milestone.externalId), milestone)
  for (const b of branchRows) labels.branches.set(key(b.connectionId, b.externalId), b.name)
  for (const u of userRows) labels.users.set(u.id, u.name)
  for (const w of workerRows) labels.workers.set(key(w.connectionId, w.externalId), w.name)
  return labels
}

/** The jobs, milestones, vendors, branches and managers behind some ProPays (all of one organisation): one D1 round trip. */
export async function loadLabels(db: Db, rows: readonly LabelledRow[]): Promise<Labels> {
  if (rows.length === 0) return emptyLabels()
  return labelsFrom(await db.batch(labelReads(db, rows)))
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

/**
 * The detail of one ProPay the viewer may see, with its line items (only their own in the `own` view). `known`: its
 * labels when the caller read them with the row (labelled-list.ts); else they are read here.
 */
export async function toDetail(db: Db, row: ProPayRow, viewer: Viewer, known?: Labels): Promise<ProPayDetail> {
  const full = seesAll(viewer)
  const mine = full ? null : ownRows(viewer, row)
  const shownIds = full ? (row.breakdown?.workers.map((w) => w.workerId) ?? []) : mine!.map((w) => w.workerId)
  // Labels (unless known), line items and names in one D1 round trip: the breakdown is the extension's second most
  // frequent read.
  const itemsRead = lineItemsRead(db, [row.id])
  const workerNames = workerNamesRead(db, shownIds.map((workerId) => ({ connectionId: row.connectionId, workerId })))
  const [labels, itemRows, nameRows] = known
    ? [known, ...(await db.batch([itemsRead, workerNames]))]
    : await db.batch([itemsRead, workerNames, ...labelReads(db, [row])]).then(([i, n, ...answers]) => [labelsFrom(answers), i, n] as const)
  const byProPay = lineItemsByProPay(itemRows)
  const names = namesByWorker(nameRows)
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
    lineItems: (byProPay.get(row.id) ?? []).filter((item) => full || viewer.workerKeys.has(workerKey(item.connectionId, item.workerId))),
  }
}
