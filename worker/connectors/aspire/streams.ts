/**
 * The Aspire collections we sync, in dependency order (reference data first, time and materials last),
 * each with its id, modified field (docs/vendors/aspire.md §6) and date bound.
 * @module
 */
import type { Stream } from '../../sync/connector'
import { type AnyEntitySpec, entitySpec, entityStream } from './entity-stream'
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

/** Each collection's read: what it asks for, how it pages and bounds, how its records map to our rows. */
export const aspireEntitySpecs = (): AnyEntitySpec[] => [
  // Read complete every cycle, first: its list is the zone spread of every changes pass after it (zone-spread.ts).
  entitySpec<AspireBranch, 'branches'>({
    name: 'Branches',
    fields: ['BranchName', 'TimeZone', 'Active'],
    label: 'Branches',
    path: '/Branches',
    table: 'branches',
    idField: 'BranchID',
    eachCycle: 'complete',
    onCompleteList: rememberBranchZones,
    map: (r, ctx) => mapBranch(r, ctx.orgTimeZone),
  }),
  entitySpec<AspireRoute, 'routes'>({
    name: 'Routes',
    fields: ['RouteName', 'BranchID', 'CrewLeaderContactID', 'ManagerContactID', 'Active'],
    label: 'Routes (crews)',
    path: '/Routes',
    table: 'routes',
    idField: 'RouteID',
    map: mapRoute,
  }),
  entitySpec<AspireProperty, 'clients'>({
    name: 'Properties',
    fields: ['PropertyName', 'BranchID', 'Active'],
    label: 'Properties (clients)',
    path: '/Properties',
    table: 'clients',
    idField: 'PropertyID',
    modifiedField: 'ModifiedDate',
    map: mapProperty,
  }),
  entitySpec<AspireContact, 'workers'>({
    name: 'Contacts',
    fields: ['FirstName', 'LastName', 'CompanyName', 'Email', 'EmployeeNumber', 'BranchID', 'Active', 'TerminationDate'],
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
  entitySpec<AspirePayRate, 'wages'>({
    name: 'PayRates',
    fields: ['ContactID', 'EffectiveDate', 'HourlyBasePay', 'BurdenPercent'],
    label: 'Wages',
    path: '/PayRates',
    table: 'wages',
    idField: 'PayRateID',
    eachCycle: 'complete',
    map: mapPayRate,
  }),
  entitySpec<AspireOpportunity, 'jobs'>({
    name: 'Opportunities',
    fields: ['OpportunityNumber', 'OpportunityName', 'PropertyID', 'BranchID', 'OperationsManagerContactID', 'OpportunityType', 'JobStatusName', 'OpportunityStatusName', 'WonDollars', 'EstimatedDollars', 'EstimatedLaborHours', 'EstimatedLaborCost', 'StartDate', 'EndDate', 'CompleteDate'],
    label: 'Jobs',
    path: '/Opportunities',
    table: 'jobs',
    idField: 'OpportunityID',
    modifiedField: 'ModifiedDate',
    map: mapOpportunity,
  }),
  entitySpec<AspireWorkTicket, 'milestones'>({
    name: 'WorkTickets',
    fields: ['OpportunityID', 'WorkTicketNumber', 'WorkTicketStatus', 'WorkTicketStatusName', 'HoursAct', 'BranchID', 'CrewLeaderContactID', 'HoursEst', 'HourCostEst', 'ScheduledStartDate', 'CompleteDate'],
    label: 'Work tickets',
    path: '/WorkTickets',
    table: 'milestones',
    idField: 'WorkTicketID',
    modifiedField: 'LastModifiedDateTime',
    map: mapWorkTicket,
  }),
  entitySpec<AspireWorkTicketItem, 'budgets'>({
    name: 'WorkTicketItems',
    fields: ['WorkTicketID', 'CatalogItemID', 'ItemName', 'ItemType', 'ItemQuantityExtended', 'ItemCost'],
    label: 'Material budgets',
    path: '/WorkTicketItems',
    table: 'budgets',
    idField: 'WorkTicketItemID',
    deletionEquals: { column: 'kind', value: 'material' },
    // Thousands of budget lines and no modified field: each cycle reads the new ones, the hourly pass edits and deletions.
    eachCycle: 'new',
    map: mapWorkTicketItem,
  }),
  entitySpec<AspireWorkTicketTime, 'timeEntries'>({
    name: 'WorkTicketTimes',
    fields: ['ContactID', 'WorkTicketID', 'RouteID', 'CrewLeaderContactID', 'StartTime', 'EndTime', 'Hours', 'OTHours', 'BaseHourlyRate', 'BurdenedCost', 'DistributedTime', 'ApprovedDateTime', 'BranchTimeZone'],
    label: 'Time entries',
    path: '/WorkTicketTimes',
    table: 'timeEntries',
    idField: 'WorkTicketTimeID',
    modifiedField: 'LastModifiedDateTime',
    date: { field: 'WorkTicketTimeDate', column: 'work_date', windowed: true },
    map: (r, ctx) => mapWorkTicketTime(r, ctx.orgTimeZone),
  }),
  entitySpec<AspireItemAllocation, 'materialAllocations'>({
    name: 'ItemAllocations',
    fields: ['WorkTicketID', 'CatalogItemID', 'InventoryLocationID', 'ItemType', 'ItemQuantity', 'ItemUnitCost', 'ItemTotalCost', 'AllocationStatus'],
    label: 'Materials used',
    path: '/ItemAllocations',
    table: 'materialAllocations',
    idField: 'ItemAllocationID',
    modifiedField: 'LastModifiedDateTime',
    date: { field: 'ItemAllocationDate', column: 'allocation_date', windowed: true },
    map: mapItemAllocation,
  }),
]

export const aspireStreams = (): Stream<AspireCredentials, AspireSettings>[] => aspireEntitySpecs().map((spec) => entityStream(spec))
