/**
 * The Aspire collections we sync, in dependency order (reference data first, time and materials last),
 * each with its id, modified field (docs/vendors/aspire.md §6) and date bound.
 * @module
 */
import type { Stream } from '../../sync/connector'
import { entityStream } from './entity-stream'
import { rememberBranchZones } from './zone-spread'
import { mapEmployee, mapPayRate } from './map/people'
import { mapBranch, mapProperty, mapRoute } from './map/reference'
import { mapItemAllocation, mapWorkTicketItem, mapWorkTicketTime } from './map/time-and-materials'
import { mapOpportunity, mapWorkTicket } from './map/work'
import type { AspireCredentials, AspireSettings } from './settings'
import type {
  AspireBranch,
  AspireContact,
  AspireItemAllocation,
  AspireOpportunity,
  AspirePayRate,
  AspireProperty,
  AspireRoute,
  AspireWorkTicket,
  AspireWorkTicketItem,
  AspireWorkTicketTime,
} from './types'

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`

export const aspireStreams = (): Stream<AspireCredentials, AspireSettings>[] => [
  // Read complete every cycle, first: its list is the zone spread of every changes pass after it (zone-spread.ts).
  entityStream<AspireBranch, 'branches'>({
    name: 'Branches',
    label: 'Branches',
    path: '/Branches',
    table: 'branches',
    idField: 'BranchID',
    eachCycle: 'complete',
    onCompleteList: rememberBranchZones,
    map: (r, ctx) => mapBranch(r, ctx.orgTimeZone),
  }),
  entityStream<AspireRoute, 'routes'>({ name: 'Routes', label: 'Routes (crews)', path: '/Routes', table: 'routes', idField: 'RouteID', map: mapRoute }),
  entityStream<AspireProperty, 'clients'>({ name: 'Properties', label: 'Properties (clients)', path: '/Properties', table: 'clients', idField: 'PropertyID', modifiedField: 'ModifiedDate', map: mapProperty }),
  entityStream<AspireContact, 'workers'>({
    name: 'Contacts',
    label: 'Employees',
    path: '/Contacts',
    table: 'workers',
    idField: 'ContactID',
    modifiedField: 'ModifiedDate',
    filter: (s) => (s.employeeContactTypes.length === 1 ? `ContactTypeName eq ${quote(s.employeeContactTypes[0]!)}` : `ContactTypeName in (${s.employeeContactTypes.map(quote).join(',')})`),
    map: mapEmployee,
  }),
  // Read complete every cycle: wages are money, so a rate removed in Aspire (a raise that replaced the old rates) must
  // not price time until the hourly pass. Still one request when nothing was removed (listPage in entity-stream.ts).
  entityStream<AspirePayRate, 'wages'>({ name: 'PayRates', label: 'Wages', path: '/PayRates', table: 'wages', idField: 'PayRateID', eachCycle: 'complete', map: mapPayRate }),
  entityStream<AspireOpportunity, 'jobs'>({ name: 'Opportunities', label: 'Jobs', path: '/Opportunities', table: 'jobs', idField: 'OpportunityID', modifiedField: 'ModifiedDate', map: mapOpportunity }),
  entityStream<AspireWorkTicket, 'milestones'>({ name: 'WorkTickets', label: 'Work tickets', path: '/WorkTickets', table: 'milestones', idField: 'WorkTicketID', modifiedField: 'LastModifiedDateTime', map: mapWorkTicket }),
  entityStream<AspireWorkTicketItem, 'budgets'>({
    name: 'WorkTicketItems',
    label: 'Material budgets',
    path: '/WorkTicketItems',
    table: 'budgets',
    idField: 'WorkTicketItemID',
    deletionEquals: { column: 'kind', value: 'material' },
    // Thousands of budget lines and no modified field: each cycle reads the new ones, the hourly pass edits and deletions.
    eachCycle: 'new',
    map: mapWorkTicketItem,
  }),
  entityStream<AspireWorkTicketTime, 'timeEntries'>({
    name: 'WorkTicketTimes',
    label: 'Time entries',
    path: '/WorkTicketTimes',
    table: 'timeEntries',
    idField: 'WorkTicketTimeID',
    modifiedField: 'LastModifiedDateTime',
    date: { field: 'WorkTicketTimeDate', column: 'work_date', windowed: true },
    map: (r, ctx) => mapWorkTicketTime(r, ctx.orgTimeZone),
  }),
  entityStream<AspireItemAllocation, 'materialAllocations'>({
    name: 'ItemAllocations',
    label: 'Materials used',
    path: '/ItemAllocations',
    table: 'materialAllocations',
    idField: 'ItemAllocationID',
    modifiedField: 'LastModifiedDateTime',
    date: { field: 'ItemAllocationDate', column: 'allocation_date', windowed: true },
    map: mapItemAllocation,
  }),
]
