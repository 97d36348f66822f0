/**
 * Materials drawn from inventory onto a ticket (`POST`/`PUT /ItemAllocations`). Unit cost comes from the
 * catalog item, the total is quantity × unit cost, and the cost rolls into the ticket's actuals.
 * @module
 */
import { badRequest } from '../api-error'
import type { Row } from '../entities'
import { startOfDay } from '../time/local-time'
import { makeRow } from './tenant-data'
import { addActuals, costFieldFor, round2 } from './ticket-costs'
import type { Tenant } from './tenant'
import type { AspireUser } from './users'

export interface AllocationInput {
  Quantity: number
  CatalogItemID: number
  InventoryLocationID: number
  WorkTicketID: number
  AllocationDate: string
}

function resolve(tenant: Tenant, input: AllocationInput) {
  const item = tenant.data.CatalogItems.get(input.CatalogItemID)
  if (!item) throw badRequest(`Catalog item ${input.CatalogItemID} was not found.`, { CatalogItemID: [`Catalog item ${input.CatalogItemID} was not found.`] })
  const ticket = tenant.data.WorkTickets.get(input.WorkTicketID)
  if (!ticket) throw badRequest(`Work ticket ${input.WorkTicketID} was not found.`, { WorkTicketID: [`Work ticket ${input.WorkTicketID} was not found.`] })
  const location = tenant.extras.inventoryLocations.get(input.InventoryLocationID)
  if (!location) {
    throw badRequest(`Inventory location ${input.InventoryLocationID} was not found.`, {
      InventoryLocationID: [`Inventory location ${input.InventoryLocationID} was not found.`],
    })
  }
  return { item, ticket, location }
}

function fields(tenant: Tenant, input: AllocationInput): Partial<Row<'ItemAllocations'>> & { ItemTotalCost: number } {
  const { item, ticket, location } = resolve(tenant, input)
  const unitCost = item.ItemCost ?? 0
  return {
    WorkTicketID: ticket.WorkTicketID,
    WorkTicketNumber: ticket.WorkTicketNumber,
    InventoryLocationID: location.id,
    InventoryLocationName: location.name,
    CatalogItemID: item.CatalogItemID,
    CatalogItemName: item.ItemName,
    ItemName: item.ItemName,
    ItemType: item.ItemType,
    ItemQuantity: input.Quantity,
    ItemUnitCost: unitCost,
    ItemTotalCost: round2(input.Quantity * unitCost),
    ItemAllocationDate: startOfDay(input.AllocationDate),
    BranchID: ticket.BranchID,
  }
}

function rollInto(tenant: Tenant, allocation: Pick<Row<'ItemAllocations'>, 'WorkTicketID' | 'ItemType' | 'ItemTotalCost'>, sign: 1 | -1, user: AspireUser) {
  const ticket = allocation.WorkTicketID === null ? undefined : tenant.data.WorkTickets.get(allocation.WorkTicketID)
  if (!ticket) return
  addActuals(ticket, { field: costFieldFor(allocation.ItemType), cost: sign * (allocation.ItemTotalCost ?? 0) })
  tenant.touch('WorkTickets', ticket, user)
}

export function insertAllocation(tenant: Tenant, input: AllocationInput, user: AspireUser): Row<'ItemAllocations'> {
  const values = fields(tenant, input)
  const now = tenant.localNow(tenant.branchZone(values.BranchID))
  const row = tenant.data.ItemAllocations.insert(
    makeRow('ItemAllocations', {
      ...values,
      AllocationStatus: 'Allocated',
      CreatedDateTime: now,
      CreatedByUserID: user.id,
      CreatedByUserName: user.name,
      LastModifiedDateTime: now,
      LastModifiedByUserID: user.id,
      LastModifiedByUserName: user.name,
      InventoryAdjustment: false,
      SubcontractorCreated: false,
    }),
  )
  rollInto(tenant, row, 1, user)
  return row
}

export function updateAllocation(tenant: Tenant, id: number, input: AllocationInput, user: AspireUser): Row<'ItemAllocations'> {
  const row = tenant.data.ItemAllocations.get(id)
  if (!row) throw badRequest(`Item allocation ${id} was not found.`, { ItemAllocationId: [`Item allocation ${id} was not found.`] })
  const values = fields(tenant, input)
  rollInto(tenant, row, -1, user)
  Object.assign(row, values)
  tenant.touch('ItemAllocations', row, user)
  rollInto(tenant, row, 1, user)
  return row
}
