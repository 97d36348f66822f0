/**
 * Work ticket statuses: `WorkTicketStatus` carries the fixed system code while `WorkTicketStatusName` is
 * the tenant's display name (renamable), and the Canceled code's spelling is a tenant knob.
 * @module
 */
import type { Row } from '../entities'

export const WORK_TICKET_STATUS_CODES = ['Open', 'Scheduled', 'Pending Approval', 'Complete', 'Canceled'] as const

export type WorkTicketStatusCode = (typeof WORK_TICKET_STATUS_CODES)[number]

export const WORK_TICKET_STATUS_IDS: Record<WorkTicketStatusCode, number> = {
  Open: 1,
  Scheduled: 2,
  'Pending Approval': 3,
  Complete: 4,
  Canceled: 5,
}

/** The tenant knobs status texts depend on (a subset of TenantConfig, declared here so config.ts can depend on this file and not the other way round). */
interface StatusConfig {
  statusNames: Partial<Record<WorkTicketStatusCode, string>>
  canceledSpelling: 'Canceled' | 'Cancelled'
}

export const statusCodeText = (code: WorkTicketStatusCode, config: StatusConfig): string =>
  code === 'Canceled' ? config.canceledSpelling : code

export const statusName = (code: WorkTicketStatusCode, config: StatusConfig): string => config.statusNames[code] ?? statusCodeText(code, config)

/** The status fields of a ticket in the given state. */
export const statusFields = (code: WorkTicketStatusCode, config: StatusConfig) => ({
  WorkTicketStatusID: WORK_TICKET_STATUS_IDS[code],
  WorkTicketStatus: statusCodeText(code, config),
  WorkTicketStatusName: statusName(code, config),
})

/** The code of a ticket, read from its status id (names and spelling may vary). */
export function statusCodeOf(ticket: Pick<Row<'WorkTickets'>, 'WorkTicketStatusID'>): WorkTicketStatusCode {
  const code = WORK_TICKET_STATUS_CODES.find((candidate) => WORK_TICKET_STATUS_IDS[candidate] === ticket.WorkTicketStatusID)
  return code ?? 'Open'
}

/** Job statuses (fixed codes; the sandbox does not rename them). */
export const JOB_STATUS = {
  'In Process': 1,
  Complete: 2,
  Canceled: 3,
} as const

/** A job is complete once all its tickets are Complete or Canceled, at least one of them Complete. */
export function jobComplete(tickets: Array<Pick<Row<'WorkTickets'>, 'WorkTicketStatusID'>>): boolean {
  const codes = tickets.map(statusCodeOf)
  return codes.includes('Complete') && codes.every((code) => code === 'Complete' || code === 'Canceled')
}
