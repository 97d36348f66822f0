/** `POST /ClockTimes`: a contact's clock-in and clock-out; one of RouteID or CrewLeaderContactID is required. */
import { badRequest } from '../api-error'
import type { Row } from '../entities'
import { makeRow } from './tenant-data'
import type { Tenant } from './tenant'

export interface ClockTimeInput {
  ContactID: number
  ClockStartDateTime: string
  ClockEndDateTime: string
  BreakTime?: number | null
  RouteID?: number | null
  CrewLeaderContactID?: number | null
  ClockStartLat?: number | null
  ClockStartLong?: number | null
  ClockEndLat?: number | null
  ClockEndLong?: number | null
}

export function insertClockTime(tenant: Tenant, input: ClockTimeInput): Row<'ClockTimes'> {
  const contact = tenant.data.Contacts.get(input.ContactID)
  if (!contact) throw badRequest(`Contact ${input.ContactID} was not found.`, { ContactID: [`Contact ${input.ContactID} was not found.`] })
  if (!input.RouteID && !input.CrewLeaderContactID) {
    throw badRequest('RouteID or CrewLeaderContactID is required.', { RouteID: ['RouteID or CrewLeaderContactID is required.'] })
  }
  if (input.ClockEndDateTime <= input.ClockStartDateTime) {
    throw badRequest('ClockEndDateTime must be after ClockStartDateTime.', { ClockEndDateTime: ['ClockEndDateTime must be after ClockStartDateTime.'] })
  }
  return tenant.data.ClockTimes.insert(
    makeRow('ClockTimes', {
      ContactID: contact.ContactID,
      ContactName: [contact.FirstName, contact.LastName].filter(Boolean).join(' '),
      ClockStart: input.ClockStartDateTime,
      ClockEnd: input.ClockEndDateTime,
      BreakTime: input.BreakTime ?? 0,
      UsedBreaks: (input.BreakTime ?? 0) > 0,
      AcceptedShortLunch: false,
      PreventedFromUsingBreaks: false,
      GEOLocationStartLatitude: input.ClockStartLat ?? null,
      GEOLocationStartLongitude: input.ClockStartLong ?? null,
      GEOLocationEndLatitude: input.ClockEndLat ?? null,
      GEOLocationEndLongitude: input.ClockEndLong ?? null,
    }),
  )
}
