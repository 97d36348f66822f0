/**
 * Job picker rows → jobs, and each job's one implicit milestone (product decision: a Buildertrend job is
 * one milestone). `status` wins over `isClosed`, which sometimes contradicts it (docs/vendors/buildertrend.md §5).
 * @module
 */
import type { CanonicalRow } from '../../../sync/connector'
import type { BtMoney, BtPickerJob } from '../types'
import { moneyToCents, realDate } from '../units'

const STATUS_NAMES: Record<number, string> = { 0: 'Closed', 1: 'Open', 3: 'Active', 4: 'Presale' }

/** The General pseudo-job (id 0) and rows without an id are not jobs. */
export const isRealJob = (j: BtPickerJob): j is BtPickerJob & { jobId: number } => typeof j.jobId === 'number' && j.jobId > 0

export function jobStatusOf(j: Pick<BtPickerJob, 'status' | 'isClosed'>) {
  if (j.status === 0) return 'completed'
  if (j.status === 1 || j.status === 3) return 'in_progress'
  if (j.status === 4) return 'pending'
  return j.isClosed ? 'completed' : 'pending'
}

export function milestoneStatusOf(j: Pick<BtPickerJob, 'status' | 'isClosed'>) {
  const job = jobStatusOf(j)
  // A closed job is done work waiting for bonus review, like a completed Aspire ticket.
  if (job === 'completed') return 'pending_review'
  return job
}

const vendorStatus = (j: BtPickerJob) => (j.status === null || j.status === undefined ? null : String(j.status))
const startOf = (j: BtPickerJob) => realDate(j.actualStartDate) ?? realDate(j.projectedStartDate)

export const mapJob = (j: BtPickerJob & { jobId: number }, contractPrice: BtMoney): CanonicalRow<'jobs'> => ({
  externalId: String(j.jobId),
  number: null,
  name: j.jobName?.trim() || `Job ${j.jobId}`,
  clientExternalId: null,
  branchExternalId: null,
  managerExternalId: null,
  recurring: false,
  status: jobStatusOf(j),
  vendorStatus: STATUS_NAMES[j.status ?? -1] ?? vendorStatus(j),
  contractPriceCents: moneyToCents(contractPrice),
  budgetSeconds: null,
  budgetLaborCents: null,
  startDate: startOf(j),
  endDate: realDate(j.projectedClosingDate),
  completedDate: null,
})

export const mapJobMilestone = (j: BtPickerJob & { jobId: number }): CanonicalRow<'milestones'> => ({
  externalId: String(j.jobId),
  jobExternalId: String(j.jobId),
  number: null,
  name: j.jobName?.trim() || `Job ${j.jobId}`,
  status: milestoneStatusOf(j),
  vendorStatus: vendorStatus(j),
  vendorStatusName: STATUS_NAMES[j.status ?? -1] ?? null,
  branchExternalId: null,
  crewLeaderExternalId: null,
  routeExternalId: null,
  estimatedSeconds: null,
  estimatedLaborCents: null,
  actualSeconds: null,
  scheduledDate: startOf(j),
  completedDate: null,
})
