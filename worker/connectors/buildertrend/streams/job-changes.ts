/**
 * Which jobs a per-job pass (job detail, budgets) must read. Buildertrend has no "changed since" filter and its rows
 * no dependable update stamp (docs/vendors/buildertrend.md §11), so change is told from the job picker rows we read
 * anyway: a hash of each row is kept in the stream's cursor, and a pass reads only the jobs whose row is new or
 * differs. What the picker row does not show (a contract price, a budget or estimate edit: §5, §7) is caught by a
 * full pass, the first of each local day. Re-reading 3 × 280 per-job endpoints every 15 minutes (bench/README.md)
 * was the alternative.
 *
 * A pass walks the list in job-id order (keyset, so jobs added or removed mid-pass never shift what is left) and
 * a page stops once it has `limit` jobs to read, so jobs that need nothing cost no page (and no list read) at all.
 * @module
 */
import { z } from 'zod'
import type { StreamState } from '../../../sync/connector'
import { stableHash } from '../../../sync/stable-hash'
import { utcToLocal } from '../../../util/zoned-time'
import type { BtContext } from '../client'
import type { BtPickerJob } from '../types'
import { zoneOf } from '../window'
import { type ModuleStates, moduleStatesSchema } from './unused-modules'

type Job = BtPickerJob & { jobId: number }

/** What a per-job stream carries through a pass (spread into its checkpoint schema). */
export const changePassFields = {
  /** The last job id walked (read or found unchanged). */
  afterId: z.number(),
  /** This pass reads every job: the first of its local day, or the first ever. */
  full: z.boolean(),
  /** The local day the pass started. */
  day: z.string(),
  /** Row hashes of the jobs walked so far, by job id: the next cursor. */
  rows: z.record(z.string(), z.string()),
}
export type ChangePass = { afterId: number; full: boolean; day: string; rows: Record<string, string> }

const cursorSchema = z.object({
  rows: z.record(z.string(), z.string()),
  fullOn: z.string().nullable(),
  /** Per-job modules found unused (unused-modules.ts); only the budgets stream keeps any. */
  modules: moduleStatesSchema.default({}),
})
type ChangeCursor = z.infer<typeof cursorSchema>

/** An unreadable cursor (or none: the first pass, a cursor from before this existed) means a full pass. */
function readCursor(cursor: string | null): ChangeCursor | null {
  try {
    return (cursor && cursorSchema.safeParse(JSON.parse(cursor)).data) || null
  } catch {
    return null
  }
}

/** 16 characters of a SHA-256 of the whole row: what the picker sends, so any field it adds counts as a change too. */
export const rowHash = async (job: BtPickerJob) => (await stableHash(job)).slice(0, 16)

export function startChangePass(ctx: BtContext, state: StreamState): ChangePass {
  const day = utcToLocal(new Date(ctx.now).toISOString(), zoneOf(ctx.settings, ctx.orgTimeZone)).slice(0, 10)
  const cursor = readCursor(state.cursor)
  return { afterId: 0, full: !cursor || cursor.fullOn !== day, day, rows: {} }
}

export interface ChangeWalk {
  /** Every job walked on this page, read or not (presence). */
  walked: Job[]
  /** The walked jobs whose per-job data must be read. */
  toRead: Job[]
  /** The pass after this page: afterId moved on, the walked rows' hashes added. */
  pass: ChangePass
  /** No job left after this page. */
  done: boolean
}

export async function walkJobs(jobs: Job[], pass: ChangePass, cursor: string | null, limit: number): Promise<ChangeWalk> {
  const before = pass.full ? {} : (readCursor(cursor)?.rows ?? {})
  const walked: Job[] = []
  const toRead: Job[] = []
  const rows = { ...pass.rows }
  for (const job of jobs) {
    if (job.jobId <= pass.afterId) continue
    if (toRead.length >= limit) break
    const hash = await rowHash(job)
    walked.push(job)
    rows[job.jobId] = hash
    if (pass.full || before[job.jobId] !== hash) toRead.push(job)
  }
  const afterId = walked.at(-1)?.jobId ?? pass.afterId
  return { walked, toRead, pass: { ...pass, afterId, rows }, done: !jobs.some((j) => j.jobId > afterId) }
}

/**
 * The cursor a completed pass leaves: the hashes it walked (jobs gone from the list drop out; a job left out is read
 * again next pass) and the last full day, with the module states when given (else the previous ones).
 */
export function endCursor(pass: ChangePass, cursor: string | null, modules?: ModuleStates): string {
  const before = readCursor(cursor)
  const fullOn = pass.full ? pass.day : (before?.fullOn ?? null)
  return JSON.stringify({ rows: pass.rows, fullOn, modules: modules ?? before?.modules ?? {} } satisfies ChangeCursor)
}

export const modulesOf = (cursor: string | null): ModuleStates => readCursor(cursor)?.modules ?? {}

/** Fraction of the list walked. */
export const progressOf = (jobs: Job[], afterId: number) => (jobs.length ? jobs.filter((j) => j.jobId <= afterId).length / jobs.length : 1)
