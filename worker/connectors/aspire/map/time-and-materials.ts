import type { CanonicalRow } from '../../../sync/connector'
import { tryLocalToUtcIso } from '../../../util/zoned-time'
import type { AspireItemAllocation, AspireWorkTicketItem, AspireWorkTicketTime } from '../types'
import { aspireTimeZone } from '../time-zone'
import { datePart, dollarsToCents, hoursToSeconds, idString } from '../units'

/**
 * Start and end are branch-local wall-clock times without an offset: read them in the branch's zone. Missing hours
 * or a missing date stay missing (never 0 h or 1970): the sync's value rules skip such an entry and say so.
 */
export function mapWorkTicketTime(t: AspireWorkTicketTime, orgTimeZone: string): CanonicalRow<'timeEntries'> {
  const zone = aspireTimeZone(t.BranchTimeZone, orgTimeZone)
  return {
    externalId: String(t.WorkTicketTimeID),
    vendorModified: t.LastModifiedDateTime ?? null,
    workerExternalId: idString(t.ContactID),
    jobExternalId: null,
    milestoneExternalId: idString(t.WorkTicketID),
    routeExternalId: idString(t.RouteID),
    crewLeaderExternalId: idString(t.CrewLeaderContactID),
    costCodeExternalId: null,
    workDate: datePart(t.WorkTicketTimeDate ?? t.StartTime),
    startAt: tryLocalToUtcIso(t.StartTime, zone),
    endAt: tryLocalToUtcIso(t.EndTime, zone),
    durationSeconds: hoursToSeconds(t.Hours),
    overtimeSeconds: hoursToSeconds(t.OTHours) ?? 0,
    doubleTimeSeconds: 0,
    hourlyCents: dollarsToCents(t.BaseHourlyRate),
    costCents: dollarsToCents(t.BurdenedCost),
    // Aspire spreads unallocated clocked time (drive time) over the day's tickets as "distributed" time.
    isDrive: t.DistributedTime === true,
    approval: t.ApprovedDateTime ? 'approved' : 'provisional',
  }
}

export const mapItemAllocation = (a: AspireItemAllocation): CanonicalRow<'materialAllocations'> => ({
  externalId: String(a.ItemAllocationID),
  vendorModified: a.LastModifiedDateTime ?? null,
  milestoneExternalId: idString(a.WorkTicketID),
  catalogItemExternalId: idString(a.CatalogItemID),
  inventoryLocationExternalId: idString(a.InventoryLocationID),
  itemType: a.ItemType ?? null,
  quantity: a.ItemQuantity ?? 0,
  unitCostCents: dollarsToCents(a.ItemUnitCost),
  totalCostCents: dollarsToCents(a.ItemTotalCost),
  allocationDate: datePart(a.ItemAllocationDate),
  vendorStatus: a.AllocationStatus ?? null,
})

export const mapWorkTicketItem = (i: AspireWorkTicketItem): CanonicalRow<'budgets'> => ({
  externalId: String(i.WorkTicketItemID),
  kind: 'material',
  jobExternalId: null,
  milestoneExternalId: idString(i.WorkTicketID),
  costCodeExternalId: null,
  catalogItemExternalId: idString(i.CatalogItemID),
  name: i.ItemName ?? null,
  itemType: i.ItemType ?? null,
  quantity: i.ItemQuantityExtended ?? null,
  amountCents: dollarsToCents(i.ItemCost),
  seconds: null,
})
