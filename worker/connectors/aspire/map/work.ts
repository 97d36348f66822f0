/**
 * Opportunities → jobs and work tickets → milestones, with Aspire's statuses read from their fixed codes
 * (display names are tenant-renamable; "Canceled" is also spelled "Cancelled").
 * @module
 */
import type { CanonicalRow } from '../../../sync/connector'
import type { AspireOpportunity, AspireWorkTicket } from '../types'
import { datePart, dollarsToCents, hoursToSeconds, idString } from '../units'

const norm = (value: string | null | undefined) => (value ?? '').toLowerCase().replace(/[^a-z]/g, '')

export function jobStatusOf(o: Pick<AspireOpportunity, 'JobStatusName' | 'OpportunityStatusName' | 'CompleteDate'>) {
  const job = norm(o.JobStatusName)
  const opportunity = norm(o.OpportunityStatusName)
  if (job === 'canceled' || job === 'cancelled' || opportunity === 'lost') return 'canceled'
  if (job === 'complete' || job === 'completed') return 'completed'
  if (job === 'inprocess' || opportunity === 'won') return 'in_progress'
  return 'pending'
}

export function milestoneStatusOf(t: Pick<AspireWorkTicket, 'WorkTicketStatus' | 'WorkTicketStatusName' | 'CompleteDate' | 'HoursAct'>) {
  const code = norm(t.WorkTicketStatus ?? t.WorkTicketStatusName)
  if (code === 'canceled' || code === 'cancelled') return 'canceled'
  // Complete (and only Complete: Pending Approval is not done) means the work is ready for bonus review.
  if (code === 'complete') return 'pending_review'
  const worked = (t.HoursAct ?? 0) > 0
  if (code === 'pendingapproval') return 'in_progress'
  if (code === 'scheduled') return worked ? 'in_progress' : 'scheduled'
  return worked ? 'in_progress' : 'pending'
}

export const mapOpportunity = (o: AspireOpportunity): CanonicalRow<'jobs'> => ({
  externalId: String(o.OpportunityID),
  vendorModified: o.ModifiedDate ?? null,
  number: idString(o.OpportunityNumber),
  name: o.OpportunityName ?? `Opportunity ${o.OpportunityID}`,
  clientExternalId: idString(o.PropertyID),
  branchExternalId: idString(o.BranchID),
  managerExternalId: idString(o.OperationsManagerContactID),
  // Product decision (docs/domain/propay.md §3): Contract = recurring, Work Order = one-time.
  recurring: norm(o.OpportunityType) === 'contract',
  status: jobStatusOf(o),
  vendorStatus: o.JobStatusName ?? o.OpportunityStatusName ?? null,
  contractPriceCents: dollarsToCents(o.WonDollars ?? o.EstimatedDollars),
  budgetSeconds: hoursToSeconds(o.EstimatedLaborHours),
  budgetLaborCents: dollarsToCents(o.EstimatedLaborCost),
  startDate: datePart(o.StartDate),
  endDate: datePart(o.EndDate),
  completedDate: datePart(o.CompleteDate),
})

export const mapWorkTicket = (t: AspireWorkTicket): CanonicalRow<'milestones'> => ({
  externalId: String(t.WorkTicketID),
  vendorModified: t.LastModifiedDateTime ?? null,
  jobExternalId: idString(t.OpportunityID),
  number: idString(t.WorkTicketNumber),
  name: `Work ticket ${t.WorkTicketNumber ?? t.WorkTicketID}`,
  status: milestoneStatusOf(t),
  vendorStatus: t.WorkTicketStatus ?? null,
  vendorStatusName: t.WorkTicketStatusName ?? null,
  branchExternalId: idString(t.BranchID),
  crewLeaderExternalId: idString(t.CrewLeaderContactID),
  routeExternalId: null,
  estimatedSeconds: hoursToSeconds(t.HoursEst),
  estimatedLaborCents: dollarsToCents(t.HourCostEst),
  actualSeconds: hoursToSeconds(t.HoursAct),
  scheduledDate: datePart(t.ScheduledStartDate),
  completedDate: datePart(t.CompleteDate),
})
