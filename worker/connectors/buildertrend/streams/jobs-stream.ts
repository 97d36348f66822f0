/**
 * Jobs (picker + `/api/Jobsites/{id}` for the contract price) and their implicit milestones (picker only).
 * The picker is read once a pass (and once per page of details), and soft-deletes jobs that are gone. A job's
 * detail is read only when its picker row changed, and once a day for every job, spread over the day (job-changes.ts):
 * a contract price edited alone shows in no picker field, so it arrives within a day.
 * @module
 */
import { z } from 'zod'
import type { Stream, StreamPage } from '../../../sync/connector'
import { type BtContext, btApi } from '../client'
import { mapJob, mapJobMilestone } from '../map/jobs'
import type { BuildertrendCredentials, BuildertrendSettings } from '../settings'
import type { BtMoney } from '../types'
import { changePassFields, endCursor, progressOf, startChangePass, walkJobs } from './job-changes'
import { listJobs } from './job-list'

type S<Checkpoint> = Stream<BuildertrendCredentials, BuildertrendSettings, Checkpoint>
const jobsCheckpoint = z.object(changePassFields)

/** Job details read per page: one request each. */
const JOBS_PER_PAGE = 25

export const jobsStream: S<z.infer<typeof jobsCheckpoint>> = {
  name: 'Jobs',
  label: 'Jobs',
  checkpointSchema: jobsCheckpoint,
  async nextPage(ctx: BtContext, state) {
    const pass = state.checkpoint ?? startChangePass(ctx, state)
    const jobs = await listJobs(ctx)
    const walk = await walkJobs(jobs, pass, state.cursor, JOBS_PER_PAGE)
    const rows = []
    for (const job of walk.toRead) {
      const detail = await btApi<{ jobInfo?: { contractPrice?: BtMoney } }>(ctx, `/api/Jobsites/${job.jobId}`)
      rows.push(mapJob(job, detail?.jobInfo?.contractPrice ?? null))
    }
    const page: StreamPage<z.infer<typeof jobsCheckpoint>> = {
      upserts: [{ table: 'jobs', rows }],
      seen: walk.walked.map((j) => String(j.jobId)),
      checkpoint: walk.done ? null : walk.pass,
    }
    if (walk.done) {
      page.deletionScope = { table: 'jobs' }
      page.cursor = endCursor(walk.pass, state.cursor)
    } else page.progress = progressOf(jobs, walk.pass.afterId)
    return page
  },
}

/** One page per pass: there is never anything to resume. */
export const milestonesStream: S<null> = {
  name: 'JobMilestones',
  label: 'Milestones (one per job)',
  checkpointSchema: z.null(),
  async nextPage(ctx: BtContext) {
    const jobs = await listJobs(ctx)
    return { upserts: [{ table: 'milestones', rows: jobs.map(mapJobMilestone) }], seen: jobs.map((j) => String(j.jobId)), checkpoint: null, deletionScope: { table: 'milestones' } }
  },
}
