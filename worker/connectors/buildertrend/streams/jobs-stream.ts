/**
 * Jobs (picker + `/api/Jobsites/{id}` for the contract price) and their implicit milestones (picker only).
 * Both re-read fully each sync (small lists) and soft-delete jobs that are gone. The jobs pass is keyset
 * by job id so jobs added or removed mid-pass never shift what is left to read.
 * @module
 */
import { z } from 'zod'
import type { Stream, StreamPage } from '../../../sync/connector'
import { type BtContext, btApi } from '../client'
import { mapJob, mapJobMilestone } from '../map/jobs'
import type { BuildertrendCredentials, BuildertrendSettings } from '../settings'
import type { BtMoney } from '../types'
import { listJobs } from './job-list'

type S<Checkpoint> = Stream<BuildertrendCredentials, BuildertrendSettings, Checkpoint>
const jobsCheckpoint = z.object({ afterId: z.number() })

/** Jobs read per page: one detail request each. */
const JOBS_PER_PAGE = 25

export const jobsStream: S<z.infer<typeof jobsCheckpoint>> = {
  name: 'Jobs',
  label: 'Jobs',
  checkpointSchema: jobsCheckpoint,
  async nextPage(ctx: BtContext, state) {
    const afterId = state.checkpoint?.afterId ?? 0
    const jobs = await listJobs(ctx)
    const batch = jobs.filter((j) => j.jobId > afterId).slice(0, JOBS_PER_PAGE)
    const rows = []
    for (const job of batch) {
      const detail = await btApi<{ jobInfo?: { contractPrice?: BtMoney } }>(ctx, `/api/Jobsites/${job.jobId}`)
      rows.push(mapJob(job, detail?.jobInfo?.contractPrice ?? null))
    }
    const last = batch.at(-1)?.jobId ?? afterId
    const done = !jobs.some((j) => j.jobId > last)
    const page: StreamPage<z.infer<typeof jobsCheckpoint>> = { upserts: [{ table: 'jobs', rows }], seen: batch.map((j) => String(j.jobId)), checkpoint: done ? null : { afterId: last } }
    if (done) page.deletionScope = { table: 'jobs' }
    else page.progress = jobs.filter((j) => j.jobId <= last).length / jobs.length
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
