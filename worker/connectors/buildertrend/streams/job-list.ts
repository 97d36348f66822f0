/**
 * The job picker: every job including closed ones (filter "3" = statuses 5,1,7,2 as the web app sends it),
 * without the General pseudo-job. The body is BOS-MIG's (docs/vendors/buildertrend.md §16.6), `builderId` a string.
 * @module
 */
import { accountOf } from '../account'
import { type BtContext, btApi } from '../client'
import { isRealJob } from '../map/jobs'
import type { BtPickerJob } from '../types'

const ALL_JOBS_FILTER = JSON.stringify({ '1': '', '2': '', '3': '5,1,7,2', '7': '' })

export async function listJobs(ctx: BtContext): Promise<Array<BtPickerJob & { jobId: number }>> {
  const { builderId } = await accountOf(ctx)
  const data = await btApi<{ jobs?: BtPickerJob[] }>(ctx, '/api/jobpicker/GetJobPickerData', {
    filters: ALL_JOBS_FILTER,
    displayMode: 2,
    jobSortChoice: 1,
    selectedJobId: 0,
    isExpanded: true,
    templatesOnly: false,
    selectMode: 2,
    useJobInSession: false,
    allowGlobalJob: false,
    includeGeneralJob: false,
    builderId: String(builderId),
    includeCounts: false,
  })
  return (data?.jobs ?? []).filter(isRealJob).sort((a, b) => a.jobId - b.jobId)
}
