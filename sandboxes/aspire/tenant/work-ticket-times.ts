/**
 * `POST /WorkTicketTimes` as Aspire plausibly processes it (docs/vendors/aspire.md §12.7): hours from the start/end,
 * the work date, branch fields from the ticket, the contact's name, the rate in force from PayRates and
 * the burdened cost; then the hours and cost roll into the ticket, whose LastModifiedDateTime moves.
 * @module
 */
import { badRequest } from '../api-error'
import type { Row } from '../entities'
import { HOUR, parseWall, startOfDay } from '../time/local-time'
import { payRateOn } from './pay-rates'
import { makeRow } from './tenant-data'
import { addActuals, round2 } from './ticket-costs'
import type { Tenant } from './tenant'
import type { AspireUser } from './users'

export interface WorkTicketTimeInput {
  ContactID: number
  WorkTicketID: number
  StartTime: string
  EndTime: string
  RouteID?: number | null
  CrewLeaderContactID?: number | null
  StartLatitude?: number | null
  StartLongitude?: number | null
  EndLatitude?: number | null
  EndLongitude?: number | null
}

const fullName = (contact: Row<'Contacts'> | undefined) => (contact ? [contact.FirstName, contact.LastName].filter(Boolean).join(' ') : null)

export function insertWorkTicketTime(tenant: Tenant, input: WorkTicketTimeInput, user: AspireUser): Row<'WorkTicketTimes'> {
  const { data } = tenant
  const ticket = data.WorkTickets.get(input.WorkTicketID)
  if (!ticket) throw badRequest(`Work ticket ${input.WorkTicketID} was not found.`, { WorkTicketID: [`Work ticket ${input.WorkTicketID} was not found.`] })
  const contact = data.Contacts.get(input.ContactID)
  if (!contact) throw badRequest(`Contact ${input.ContactID} was not found.`, { ContactID: [`Contact ${input.ContactID} was not found.`] })
  const start = parseWall(input.StartTime)!
  const end = parseWall(input.EndTime)!
  if (end <= start) throw badRequest('EndTime must be after StartTime.', { EndTime: ['EndTime must be after StartTime.'] })
  const route = input.RouteID ? data.Routes.get(input.RouteID) : undefined
  if (input.RouteID && !route) throw badRequest(`Route ${input.RouteID} was not found.`, { RouteID: [`Route ${input.RouteID} was not found.`] })
  const leaderId = input.CrewLeaderContactID ?? route?.CrewLeaderContactID ?? ticket.CrewLeaderContactID ?? null
  const branch = ticket.BranchID === null ? undefined : data.Branches.get(ticket.BranchID)

  const workDate = startOfDay(input.StartTime)
  const hours = round2((end - start) / HOUR)
  const rate = payRateOn(tenant, contact.ContactID, workDate)
  const baseRate = rate?.HourlyBasePay ?? null
  const burdened = baseRate === null ? null : round2(hours * baseRate * (1 + (rate?.BurdenPercent ?? 0) / 100))
  const now = tenant.localNow(tenant.branchZone(ticket.BranchID))

  const row = data.WorkTicketTimes.insert(
    makeRow('WorkTicketTimes', {
      WorkTicketID: ticket.WorkTicketID,
      WorkTicketNumber: ticket.WorkTicketNumber,
      ContactID: contact.ContactID,
      ContactName: fullName(contact),
      WorkTicketTimeDate: workDate,
      StartTime: input.StartTime,
      EndTime: input.EndTime,
      PayCodeID: 1,
      PayCodeName: 'Regular',
      Hours: hours,
      OTHours: 0,
      WarrantyTime: false,
      DistributedTime: false,
      BurdenedCost: burdened,
      CreatedDateTime: now,
      CreatedByUserID: user.id,
      CreatedByUserName: user.name,
      LastModifiedDateTime: now,
      LastModifiedByUserID: user.id,
      LastModifiedByUserName: user.name,
      BreakTime: 0,
      HasBreakTime: false,
      BaseHourlyRate: baseRate,
      RouteID: route?.RouteID ?? null,
      RouteName: route?.RouteName ?? null,
      CrewLeaderContactID: leaderId,
      CrewLeaderContactName: leaderId === null ? null : fullName(data.Contacts.get(leaderId)),
      BranchID: ticket.BranchID,
      BranchName: ticket.BranchName,
      BranchTimeZone: branch?.TimeZone ?? null,
      GEOLocationStartLatitude: input.StartLatitude ?? null,
      GEOLocationStartLongitude: input.StartLongitude ?? null,
      GEOLocationEndLatitude: input.EndLatitude ?? null,
      GEOLocationEndLongitude: input.EndLongitude ?? null,
    }),
  )
  addActuals(ticket, { field: 'LaborCostAct', cost: burdened ?? 0, hours })
  tenant.touch('WorkTickets', ticket, user)
  return row
}
