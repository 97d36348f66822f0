/**
 * Which jobs a per-job pass (job detail, budgets) must read. Buildertrend has no "changed since" filter and its rows
 * no dependable update stamp (docs/vendors/buildertrend.md §11), so change is told from the job picker rows we read
 * anyway: a hash of each row is kept in the stream's cursor, and a pass reads only the jobs whose row is new or
 * differs. What the picker row does not show (a contract price, a budget or estimate edit: §5, §7) is caught by
 * re-reading every job once a day, spread over the day: each job has its own time of day (`slotOf`), and a pass
 * reads the jobs whose time came since the last pass, a few each cycle (280 jobs at a 15-minute cadence: 3 a cycle),
 * rather than all of them in the day's first cycle (3 × 280 reads at once). Re-reading 3 × 280 per-job endpoints
 * every 15 minutes (bench/README.md) was the alternative.
 *
 * A pass walks the list in job-id order (keyset, so jobs added or removed mid-pass never shift what is left) and
 * a page stops once it has `limit` jobs to read, so jobs that need nothing cost no page (and no list read) at all.
 * @module
 */
import { z } from 'zod'
import type { StreamState } from '../../../sync/connector'
import { stableHash } from '../../../sync/stable-hash'
import type { BtContext } from '../client'
import type { BtPickerJob } from '../types'
import { type ModuleStates, moduleStatesSchema } from './unused-modules'

type Job = BtPickerJob & { jobId: number }

/** What a per-job stream carries through a pass (spread into its checkpoint schema). */
export const changePassFields = {
  /** The last job id walked (read or found unchanged). */
  afterId: z.number(),
  /** This pass reads every job: the first ever (or after an unreadable cursor). */
  full: z.boolean(),
  /** The jobs whose time of day (`slotOf`) falls in (from, to] are read again this pass: the last pass's start and this one's, epoch ms. */
  from: z.number(),
  to: z.number(),
  /** Row hashes of the jobs walked so far, by job id: the next cursor. */
  rows: z.record(z.string(), z.string()),
}
export type ChangePass = { afterId: number; full: boolean; from: number; to: number; rows: Record<string, string> }

const cursorSchema = z.object({
  rows: z.record(z.string(), z.string()),
  /** When the last complete pass started: the next reads the jobs whose time of day came since. Null (a cursor from before): every job, once. */
  spreadAt: z.iso.datetime().nullable().default(null),
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

const DAY_MS = 86_400_000
/** The golden ratio's fraction: job ids in a row land evenly over the day (a Weyl sequence), others like a hash. */
const GOLDEN = 0.6180339887498949

/** A job's own time of the UTC day, in ms, when its once-a-day re-read falls due. */
export const slotOf = (jobId: number) => Math.floor(((jobId * GOLDEN) % 1) * DAY_MS)

/** Whether a job's time of day falls in (from, to]: its daily re-read is due this pass. */
export function slotDue(jobId: number, from: number, to: number) {
  if (to - from >= DAY_MS) return true
  const slot = slotOf(jobId)
  return Math.floor((to - slot) / DAY_MS) * DAY_MS + slot > from
}

export function startChangePass(ctx: BtContext, state: StreamState): ChangePass {
  const cursor = readCursor(state.cursor)
  const from = cursor?.spreadAt ? Date.parse(cursor.spreadAt) : ctx.now - DAY_MS
  return { afterId: 0, full: !cursor, from, to: ctx.now, rows: {} }
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
    if (pass.full || before[job.jobId] !== hash || slotDue(job.jobId, pass.from, pass.to)) toRead.push(job)
  }
  const afterId = walked.at(-1)?.jobId ?? pass.afterId
  return { walked, toRead, pass: { ...pass, afterId, rows }, done: !jobs.some((j) => j.jobId > afterId) }
}

/**
 * The cursor a completed pass leaves: the hashes it walked (jobs gone from the list drop out; a job left out is read
 * again next pass) and when the pass started, with the module states when given (else the previous ones).
 */
export function endCursor(pass: ChangePass, cursor: string | null, modules?: ModuleStates): string {
  const before = readCursor(cursor)
  return JSON.stringify({ rows: pass.rows, spreadAt: new Date(pass.to).toISOString(), modules: modules ?? before?.modules ?? {} } satisfies ChangeCursor)
}

/** Jobs the last pass walked that the list no longer has: their per-job data goes with them. */
export const goneJobs = (cursor: string | null, jobs: Job[]) => {
  const listed = new Set(jobs.map((j) => String(j.jobId)))
  return Object.keys(readCursor(cursor)?.rows ?? {}).filter((id) => !listed.has(id))
}

export const modulesOf = (cursor: string | null): ModuleStates => readCursor(cursor)?.modules ?? {}

/** Fraction of the list walked. */
export const progressOf = (jobs: Job[], afterId: number) => (jobs.length ? jobs.filter((j) => j.jobId <= afterId).length / jobs.length : 1)
