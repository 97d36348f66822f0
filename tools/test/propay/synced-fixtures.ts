/**
 * Synced rows written straight into D1, as a sync would leave them, for tests of the ProPay engine.
 * @module
 */
import { env } from 'cloudflare:workers'
import { and, eq } from 'drizzle-orm'
import { createDb } from '../../../worker/db/client'
import { branches, budgets, jobs, milestones, timeEntries, wages, workers } from '../../../worker/db/schema'
import { insertConnection } from '../connection-fixtures'
import { nowIso } from '../../../worker/util/clock'

type Synced = 'id' | 'orgId' | 'connectionId' | 'dataHash' | 'firstSeenAt' | 'updatedAt'
type Row<T extends { $inferInsert: unknown }> = Omit<T['$inferInsert'], Synced> & { updatedAt?: string }

export type JobSeed = Omit<Row<typeof jobs>, 'name' | 'recurring' | 'status'> & Partial<Pick<Row<typeof jobs>, 'name' | 'recurring' | 'status'>>
export type MilestoneSeed = Omit<Row<typeof milestones>, 'name' | 'status'> & Partial<Pick<Row<typeof milestones>, 'name' | 'status'>>
export type WorkerSeed = Omit<Row<typeof workers>, 'name'> & Partial<Pick<Row<typeof workers>, 'name'>>
export type WageSeed = Omit<Row<typeof wages>, 'externalId' | 'effectiveDate'> & Partial<Pick<Row<typeof wages>, 'externalId' | 'effectiveDate'>>
export type EntrySeed = Omit<Row<typeof timeEntries>, 'externalId' | 'workDate' | 'approval' | 'durationSeconds'> &
  Partial<Pick<Row<typeof timeEntries>, 'externalId' | 'workDate' | 'approval' | 'durationSeconds'>> & { hours?: number }
export type BudgetSeed = Omit<Row<typeof budgets>, 'kind'> & Partial<Pick<Row<typeof budgets>, 'kind'>>

export type BranchSeed = Omit<Row<typeof branches>, 'name'> & Partial<Pick<Row<typeof branches>, 'name'>>

export interface SyncedSeed {
  branches?: BranchSeed[]
  jobs?: JobSeed[]
  milestones?: MilestoneSeed[]
  workers?: WorkerSeed[]
  wages?: WageSeed[]
  timeEntries?: EntrySeed[]
  budgets?: BudgetSeed[]
}

let counter = 0
const next = (prefix: string) => `${prefix}-${++counter}`

/** Writes synced rows for one connection; every row gets the same `updated_at` unless it names its own. */
export async function seedSynced(orgId: string, connectionId: string, seed: SyncedSeed, at = nowIso()) {
  const db = createDb(env.DB)
  const base = (updatedAt?: string) => ({
    id: crypto.randomUUID(),
    orgId,
    connectionId,
    dataHash: next('hash'),
    firstSeenAt: at,
    updatedAt: updatedAt ?? at,
  })
  const writes = [
    ...(seed.branches ?? []).map((b) => db.insert(branches).values({ name: `Branch ${b.externalId}`, ...b, ...base(b.updatedAt) })),
    ...(seed.jobs ?? []).map((j) => db.insert(jobs).values({ name: `Job ${j.externalId}`, recurring: false, status: 'in_progress', ...j, ...base(j.updatedAt) })),
    ...(seed.milestones ?? []).map((m) => db.insert(milestones).values({ name: `Visit ${m.externalId}`, status: 'in_progress', ...m, ...base(m.updatedAt) })),
    ...(seed.workers ?? []).map((w) => db.insert(workers).values({ name: `Worker ${w.externalId}`, ...w, ...base(w.updatedAt) })),
    ...(seed.wages ?? []).map((w) => db.insert(wages).values({ externalId: next('wage'), effectiveDate: '2026-01-01', ...w, ...base(w.updatedAt) })),
    ...(seed.timeEntries ?? []).map(({ hours, ...e }) =>
      db.insert(timeEntries).values({
        externalId: next('entry'),
        workDate: '2026-05-04',
        approval: 'approved',
        ...e,
        durationSeconds: e.durationSeconds ?? Math.round((hours ?? 0) * 3600),
        ...base(e.updatedAt),
      }),
    ),
    ...(seed.budgets ?? []).map((b) => db.insert(budgets).values({ kind: 'labor', ...b, ...base(b.updatedAt) })),
  ]
  if (writes.length > 0) await db.batch(writes as [(typeof writes)[0], ...typeof writes])
}

/** A connection of the org with synced rows on it. */
export async function connectionWith(orgId: string, seed: SyncedSeed = {}) {
  const connectionId = await insertConnection(orgId)
  await seedSynced(orgId, connectionId, seed)
  return connectionId
}

/** Changes a synced milestone as a later sync would: a new hash and a newer `updated_at`. */
export async function updateMilestone(connectionId: string, externalId: string, changes: Partial<Row<typeof milestones>>, at = nowIso()) {
  await createDb(env.DB)
    .update(milestones)
    .set({ ...changes, dataHash: next('hash'), updatedAt: at })
    .where(and(eq(milestones.connectionId, connectionId), eq(milestones.externalId, externalId)))
}
