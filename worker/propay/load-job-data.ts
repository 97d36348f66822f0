/**
 * Reads the synced rows behind a set of jobs of one connection in a handful of queries (ids travel as one JSON
 * parameter, so D1's 100-parameter limit never applies), and slices them per ProPay scope.
 * @module
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/client'
import { budgets, connections, jobs, milestones, organizations, timeEntries, wages } from '../db/schema'
import type { MoneySettings } from './domain/format-cents'
import type { BudgetRow, JobRow, MilestoneRow, TimeEntryRow, WageRow } from './synced-input'

/** `column IN (ids)` with the ids as one JSON parameter. */
export const inJson = (column: SQLiteColumn, ids: readonly string[]): SQL =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`

export interface JobData {
  /** By vendor id, soft-deleted ones included (a ProPay whose job vanished must say so). */
  jobs: Map<string, JobRow>
  /** Live milestones by job vendor id. */
  milestonesByJob: Map<string, MilestoneRow[]>
  /** Live time entries by milestone vendor id. */
  entriesByMilestone: Map<string, TimeEntryRow[]>
  /** Live time entries booked on a job without a milestone, by job vendor id. */
  entriesByJob: Map<string, TimeEntryRow[]>
  wagesByWorker: Map<string, WageRow[]>
  laborBudgets: BudgetRow[]
  /** The organisation's locale and currency when not en-US dollars, for the amounts in the bonus's messages. */
  money?: MoneySettings
}

/** What one ProPay covers, as synced now. */
export interface Coverage {
  /** null when the job is unknown or soft-deleted. */
  job: JobRow | null
  milestones: MilestoneRow[]
  entries: TimeEntryRow[]
  wages: WageRow[]
  laborBudgets: BudgetRow[]
  money?: MoneySettings
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

const CHUNK = 500

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

/** Loads jobs, their live milestones, time entries, the wages of everyone on them and labor budget lines. */
export async function loadJobData(db: Db, connectionId: string, jobExternalIds: readonly string[]): Promise<JobData> {
  const data = await loadJobs(db, connectionId, jobExternalIds, 'read')
  await loadWork(db, connectionId, data, jobExternalIds)
  return data
}

const orgMoneyQuery = (db: Db, connectionId: string) =>
  db
    .select({ locale: organizations.locale, currency: organizations.currency })
    .from(connections)
    .innerJoin(organizations, eq(organizations.id, connections.orgId))
    .where(eq(connections.id, connectionId))

/** The organisation's locale and currency when not en-US dollars (left out for the default: inputs and hashes stay as they were). */
export async function orgMoney(db: Db, connectionId: string): Promise<MoneySettings | undefined> {
  const [org] = await orgMoneyQuery(db, connectionId)
  return moneyOf(org)
}

export const moneyOf = (org: MoneySettings | undefined): MoneySettings | undefined =>
  org && !(org.locale === 'en-US' && org.currency === 'USD') ? { locale: org.locale, currency: org.currency } : undefined

/**
 * The jobs and their live milestones only: enough to tell which scopes exist and whether approved work changed. The
 * time, budget lines and wages behind them (by far the most rows) follow with `loadWork`, for the jobs that need them.
 */
export async function loadJobs(db: Db, connectionId: string, jobExternalIds: readonly string[], money?: MoneySettings | 'read'): Promise<JobData> {
  const data: JobData = {
    jobs: new Map(),
    milestonesByJob: new Map(),
    entriesByMilestone: new Map(),
    entriesByJob: new Map(),
    wagesByWorker: new Map(),
    laborBudgets: [],
    ...(money && money !== 'read' ? { money } : {}),
  }
  const jobsOf = (ids: string[]) => db.select().from(jobs).where(and(eq(jobs.connectionId, connectionId), inJson(jobs.externalId, ids)))
  const milestonesOf = (ids: string[]) =>
    db
      .select()
      .from(milestones)
      .where(and(eq(milestones.connectionId, connectionId), inJson(milestones.jobExternalId, ids), isNull(milestones.deletedAt)))
  const add = (jobRows: JobRow[], milestoneRows: MilestoneRow[]) => {
    for (const job of jobRows) data.jobs.set(job.externalId, job)
    for (const milestone of milestoneRows) push(data.milestonesByJob, milestone.jobExternalId!, milestone)
  }
  const [first = [], ...rest] = chunks([...new Set(jobExternalIds)])
  if (money === 'read') {
    // The organisation's locale and currency ride in the first chunk's batch (which runs even without jobs): one round trip.
    const [jobRows, milestoneRows, orgRows] = await db.batch([jobsOf(first), milestonesOf(first), orgMoneyQuery(db, connectionId)])
    const read = moneyOf(orgRows[0])
    if (read) data.money = read
    add(jobRows, milestoneRows)
  } else if (first.length) {
    add(...(await db.batch([jobsOf(first), milestonesOf(first)])))
  }
  for (const ids of rest) add(...(await db.batch([jobsOf(ids), milestonesOf(ids)])))
  return data
}

/** Adds the live time entries, labor budget lines and wages of these jobs (already in `data` by `loadJobs`). */
export async function loadWork(db: Db, connectionId: string, data: JobData, jobExternalIds: readonly string[]): Promise<void> {
  const jobIds = [...new Set(jobExternalIds)]
  if (jobIds.length === 0) return
  const milestoneIds = jobIds.flatMap((id) => data.milestonesByJob.get(id) ?? []).map((m) => m.externalId)
  const entryRows: TimeEntryRow[] = []
  const budgetRows: BudgetRow[] = []
  for (const ids of chunks(milestoneIds.length > 0 ? milestoneIds : [''])) {
    const [entries, lines] = await Promise.all([
      db
        .select()
        .from(timeEntries)
        .where(and(eq(timeEntries.connectionId, connectionId), isNull(timeEntries.deletedAt), inJson(timeEntries.milestoneExternalId, ids))),
      db
        .select()
        .from(budgets)
        .where(and(eq(budgets.connectionId, connectionId), eq(budgets.kind, 'labor'), isNull(budgets.deletedAt), inJson(budgets.milestoneExternalId, ids))),
    ])
    entryRows.push(...entries)
    budgetRows.push(...lines)
  }
  for (const ids of chunks(jobIds)) {
    const [entries, lines] = await Promise.all([
      db
        .select()
        .from(timeEntries)
        .where(and(eq(timeEntries.connectionId, connectionId), isNull(timeEntries.deletedAt), isNull(timeEntries.milestoneExternalId), inJson(timeEntries.jobExternalId, ids))),
      db
        .select()
        .from(budgets)
        .where(
          and(
            eq(budgets.connectionId, connectionId),
            eq(budgets.kind, 'labor'),
            isNull(budgets.deletedAt),
            isNull(budgets.milestoneExternalId),
            inJson(budgets.jobExternalId, ids),
          ),
        ),
    ])
    entryRows.push(...entries)
    budgetRows.push(...lines)
  }
  for (const entry of entryRows) {
    if (entry.milestoneExternalId) push(data.entriesByMilestone, entry.milestoneExternalId, entry)
    else if (entry.jobExternalId) push(data.entriesByJob, entry.jobExternalId, entry)
  }
  data.laborBudgets.push(...budgetRows)
  const known = new Set(data.wagesByWorker.keys())
  const workerIds = [...new Set(entryRows.map((e) => e.workerExternalId).filter((id): id is string => !!id && !known.has(id)))]
  for (const ids of chunks(workerIds)) {
    const rows = await db
      .select()
      .from(wages)
      .where(and(eq(wages.connectionId, connectionId), isNull(wages.deletedAt), inJson(wages.workerExternalId, ids)))
    for (const wage of rows) push(data.wagesByWorker, wage.workerExternalId, wage)
  }
}

/**
 * The rows one scope covers: a recurring job's visit covers that milestone; a whole job covers all its live
 * milestones plus time booked on the job itself.
 */
export function coverageOf(data: JobData, scope: { jobExternalId: string; milestoneExternalId: string | null }): Coverage {
  const job = data.jobs.get(scope.jobExternalId) ?? null
  const all = data.milestonesByJob.get(scope.jobExternalId) ?? []
  const covered = scope.milestoneExternalId === null ? all : all.filter((m) => m.externalId === scope.milestoneExternalId)
  const coveredIds = new Set(covered.map((m) => m.externalId))
  const entries = [
    ...covered.flatMap((m) => data.entriesByMilestone.get(m.externalId) ?? []),
    ...(scope.milestoneExternalId === null ? (data.entriesByJob.get(scope.jobExternalId) ?? []) : []),
  ].sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0))
  const workers = new Set(entries.map((e) => e.workerExternalId))
  const laborBudgets = data.laborBudgets.filter((b) =>
    b.milestoneExternalId ? coveredIds.has(b.milestoneExternalId) : scope.milestoneExternalId === null && b.jobExternalId === scope.jobExternalId,
  )
  return {
    job: job && job.deletedAt === null ? job : null,
    milestones: [...covered].sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0)),
    entries,
    wages: [...workers].flatMap((id) => (id ? (data.wagesByWorker.get(id) ?? []) : [])),
    laborBudgets,
    ...(data.money ? { money: data.money } : {}),
  }
}
