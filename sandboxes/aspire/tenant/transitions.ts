/**
 * Work ticket status changes made "in Aspire" (control API): complete, uncomplete, pending approval,
 * cancel, schedule and reopen. Each sets the fixed code and the tenant's display name, maintains
 * CompleteDate and bumps LastModifiedDateTime; the opportunity's job status follows (Complete once every
 * ticket is Complete or Canceled), bumping the opportunity's ModifiedDate when it changes.
 * @module
 */
import { ApiError } from '../api-error'
import type { Row } from '../entities'
import { normalizeDateTime } from '../time/local-time'
import { JOB_STATUS, jobComplete, statusFields, type WorkTicketStatusCode } from './work-ticket-status'
import type { Tenant } from './tenant'
import { OFFICE_USER, type AspireUser } from './users'

export const TICKET_ACTIONS = ['complete', 'uncomplete', 'pending-approval', 'cancel', 'schedule', 'open'] as const
export type TicketAction = (typeof TICKET_ACTIONS)[number]

export function transitionTicket(tenant: Tenant, ticketId: number, action: TicketAction, options: { at?: string } = {}, user: AspireUser = OFFICE_USER): Row<'WorkTickets'> {
  const ticket = tenant.data.WorkTickets.get(ticketId)
  if (!ticket) throw new ApiError(404, `Work ticket ${ticketId} was not found.`)
  const at = options.at === undefined ? tenant.localNow(tenant.branchZone(ticket.BranchID)) : normalizeDateTime(options.at)
  if (at === null) throw new ApiError(400, `Invalid date-time '${options.at}'.`)
  const set = (code: WorkTicketStatusCode, patch: Partial<Row<'WorkTickets'>> = {}) => Object.assign(ticket, statusFields(code, tenant.config), patch)

  switch (action) {
    case 'complete':
      set('Complete', { CompleteDate: at, PercentComplete: 100 })
      break
    case 'uncomplete':
      // Back to Scheduled, or to Open when it was never on the schedule.
      set(ticket.ScheduledStartDate ? 'Scheduled' : 'Open', { CompleteDate: null, ApprovedDate: null, ApprovedUserID: null, ApprovedUserName: null })
      break
    case 'pending-approval':
      set('Pending Approval', { CompleteDate: null })
      break
    case 'cancel':
      set('Canceled', { CompleteDate: null })
      break
    case 'schedule':
      set('Scheduled', { ScheduledStartDate: ticket.ScheduledStartDate ?? `${at.slice(0, 10)}T00:00:00`, CompleteDate: null })
      break
    case 'open':
      set('Open', { ScheduledStartDate: null, CompleteDate: null })
      break
  }
  tenant.touch('WorkTickets', ticket, user)
  if (ticket.OpportunityID !== null) syncJobStatus(tenant, ticket.OpportunityID, user)
  return ticket
}

/** Recomputes the job status of an opportunity from its tickets. */
export function syncJobStatus(tenant: Tenant, opportunityId: number, user: AspireUser): void {
  const opportunity = tenant.data.Opportunities.get(opportunityId)
  if (!opportunity) return
  const tickets = tenant.data.WorkTickets.all().filter((ticket) => ticket.OpportunityID === opportunityId)
  const complete = jobComplete(tickets)
  const completeDate = complete ? (tickets.map((ticket) => ticket.CompleteDate ?? '').sort().at(-1) ?? null) : null
  const jobStatusName = complete ? 'Complete' : 'In Process'
  if (opportunity.JobStatusName !== jobStatusName || opportunity.CompleteDate !== completeDate) {
    Object.assign(opportunity, { JobStatusName: jobStatusName, CompleteDate: completeDate })
    tenant.touch('Opportunities', opportunity, user)
  }
  const job = tenant.data.Jobs.all().find((candidate) => candidate.OpportunityID === opportunityId)
  if (job) {
    tenant.data.Jobs.update(job.JobID, {
      JobStatusID: complete ? JOB_STATUS.Complete : JOB_STATUS['In Process'],
      CompleteDate: completeDate,
      CompletedUserID: complete ? user.id : null,
    })
  }
}
