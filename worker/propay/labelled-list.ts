/**
 * ProPays with everything their summaries name (vendor, job, milestone, branch, manager) in one statement: the
 * labels come by LEFT JOIN on the synced rows' unique (connection, vendor id) keys, at most one row each, instead
 * of six more statements. Locally each D1 statement costs the worker a prepare and its bookkeeping whether or not
 * it shares a batch (bench/README.md, API latency), so the list that every ProPays screen polls is one statement.
 * @module
 */
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { branches, connections, jobs, milestones, propays, users, workers, type ProPayRow } from '../db/schema'
import { type Labels, labelKey } from './view'

/** The ProPays matching `where` with their labels; order and limit as given. Run alone: batched, D1 answers objects and same-named columns of the joined tables would collide. */
export function labelledProPays(db: Db, where: SQL) {
  return db
    .select({
      propay: propays,
      vendor: connections.vendor,
      job: jobs,
      milestone: milestones,
      branchName: branches.name,
      userName: users.name,
      workerName: workers.name,
    })
    .from(propays)
    .leftJoin(connections, eq(connections.id, propays.connectionId))
    .leftJoin(jobs, and(eq(jobs.connectionId, propays.connectionId), eq(jobs.externalId, propays.jobExternalId)))
    .leftJoin(milestones, and(eq(milestones.connectionId, propays.connectionId), eq(milestones.externalId, propays.milestoneExternalId)))
    .leftJoin(branches, and(eq(branches.connectionId, propays.connectionId), eq(branches.externalId, jobs.branchExternalId)))
    .leftJoin(users, and(eq(users.id, propays.managerUserId), eq(users.orgId, propays.orgId)))
    // The manager `toSummary` names: the vendor worker set on the ProPay, else the job's manager as synced.
    .leftJoin(workers, and(eq(workers.connectionId, propays.connectionId), eq(workers.externalId, sql`COALESCE(${propays.managerWorkerExternalId}, ${jobs.managerExternalId})`)))
    .where(where)
}

type LabelledRows = Awaited<ReturnType<typeof labelledProPays>>

/** The rows and the `Labels` the summaries of those rows read (as `loadLabels` would find them). */
export function splitLabelled(found: LabelledRows): { rows: ProPayRow[]; labels: Labels } {
  const labels: Labels = { vendors: new Map(), jobs: new Map(), milestones: new Map(), branches: new Map(), users: new Map(), workers: new Map() }
  for (const { propay: p, vendor, job, milestone, branchName, userName, workerName } of found) {
    if (vendor !== null) labels.vendors.set(p.connectionId, vendor)
    if (job) labels.jobs.set(labelKey(p.connectionId, job.externalId), job)
    if (milestone) labels.milestones.set(labelKey(p.connectionId, milestone.externalId), milestone)
    if (job?.branchExternalId != null && branchName !== null) labels.branches.set(labelKey(p.connectionId, job.branchExternalId), branchName)
    if (p.managerUserId !== null && userName !== null) labels.users.set(p.managerUserId, userName)
    const managerWorker = p.managerWorkerExternalId ?? job?.managerExternalId ?? null
    if (managerWorker !== null && workerName !== null) labels.workers.set(labelKey(p.connectionId, managerWorker), workerName)
  }
  return { rows: found.map((f) => f.propay), labels }
}
