/**
 * Work ticket rows from their plans and the time already logged: status (most finished tickets Complete,
 * some Pending Approval or not yet closed), estimates that land near the actuals (over and under budget),
 * budget lines (WorkTicketItems: a labor line plus materials) and material usage (ItemAllocations).
 * @module
 */
import type { Row } from '../entities'
import { makeRow } from '../tenant/tenant-data'
import { OFFICE_USER } from '../tenant/users'
import { statusFields, type WorkTicketStatusCode } from '../tenant/work-ticket-status'
import { DAY, HOUR, MINUTE, parseWall } from '../time/local-time'
import { round2, type GenContext } from './context'
import type { People } from './people'
import { categoryName } from './reference'
import type { TicketPlan, Work } from './work'

const roundHalf = (value: number) => Math.max(0.5, Math.round(value * 2) / 2)

export function generateTickets(ctx: GenContext, people: People, work: Work): Map<number, Row<'WorkTickets'>> {
  const { rng, data } = ctx
  const catalog = data.CatalogItems.all().filter((item) => item.Active)
  const labor = catalog.find((item) => item.ItemType === 'Labor')
  const materials = catalog.filter((item) => item.ItemType === 'Material')
  const lastDay = ctx.workdays.length - 1
  const rows = new Map<number, Row<'WorkTickets'>>()

  for (const plan of work.tickets) {
    const opportunity = plan.opportunity.row
    const manager = people.managers.get(plan.opportunity.branchId)
    const created = (parseWall(opportunity.WonDate ?? '') ?? ctx.anchor) + rng.int(0, 2) * DAY + rng.int(0, 60) * MINUTE
    const status = statusFor(plan, lastDay, rng.next())
    const firstDay = plan.state === 'worked' ? ctx.workdays[plan.startDay]! : plan.scheduledDate
    const completed = status === 'Complete' || status === 'Pending Approval' ? ctx.workdays[plan.endDay]! + 16 * HOUR + rng.int(0, 24) * 5 * MINUTE : null
    const approved = status === 'Complete' && completed !== null && rng.chance(0.7) ? completed + DAY - 6 * HOUR + rng.int(0, 24) * 5 * MINUTE : null
    const approvedStamp = approved === null ? null : ctx.pastStamp(approved)
    const members = plan.crew?.members.length ?? 3
    const hoursEst =
      plan.state === 'worked' && plan.hours > 0
        ? roundHalf(plan.hours * (status === 'Scheduled' ? rng.between(1.05, 1.6) : rng.between(0.75, 1.3)))
        : roundHalf(members * rng.between(1.5, 10))
    const hourlyCost = plan.hours > 0 ? (plan.laborCost / plan.hours) * rng.between(0.95, 1.05) : rng.between(26, 32)
    const hourCostEst = round2(hoursEst * hourlyCost)

    const items = budgetLines(ctx, plan, hoursEst, labor, materials, created)
    const materialEst = round2(items.filter((item) => item.ItemType === 'Material').reduce((sum, item) => sum + (item.ItemQuantityExtended ?? 0) * (item.ItemCost ?? 0), 0))
    const materialAct = plan.state === 'worked' ? allocate(ctx, plan, items) : 0
    const price = round2((hourCostEst + materialEst) * rng.between(1.35, 1.65))
    const lastModified = Math.max(created, plan.lastActivity, completed ?? 0, approved !== null && approvedStamp ? approved : 0)
    const scheduled = status === 'Open' || status === 'Canceled' ? 0 : hoursEst
    const row = data.WorkTickets.insert(
      makeRow('WorkTickets', {
        WorkTicketID: plan.id,
        OpportunityServiceID: plan.serviceId,
        ContractYear: new Date(ctx.anchor).getUTCFullYear(),
        Occur: plan.occur,
        AnnualizedOccur: plan.occur,
        Occurrences: plan.occurrences,
        CreatedDateTime: ctx.stamp(created),
        AnticStartDate: firstDay === null ? null : ctx.stamp(firstDay),
        ScheduledStartDate: firstDay === null || status === 'Open' ? null : ctx.stamp(firstDay),
        CompleteDate: status === 'Complete' && completed !== null ? ctx.stamp(completed) : null,
        ApprovedDate: approvedStamp,
        ApprovedUserID: approvedStamp ? OFFICE_USER.id : null,
        ApprovedUserName: approvedStamp ? OFFICE_USER.name : null,
        ...statusFields(status, ctx.config),
        CrewLeaderContactID: plan.crew?.leader.contact.ContactID ?? null,
        CrewLeaderName: plan.crew?.leader.name ?? null,
        HoursEst: hoursEst,
        HourCostEst: hourCostEst,
        MaterialCostEst: materialEst,
        EquipCostEst: 0,
        SubCostEst: 0,
        OtherCostEst: 0,
        Price: price,
        WorkTicketNumber: plan.number,
        HoursAct: round2(plan.hours),
        WarrantyHoursAct: 0,
        OTHoursAct: 0,
        LaborCostAct: round2(plan.laborCost),
        MaterialCostAct: materialAct,
        EquipmentCostAct: 0,
        SubCostAct: 0,
        OtherCostAct: 0,
        TotalCostAct: round2(plan.laborCost + materialAct),
        EarnedRevenue: status === 'Complete' ? price : 0,
        OpportunityID: opportunity.OpportunityID,
        OpportunityNumber: opportunity.OpportunityNumber,
        DistributedHours: round2(plan.distributedHours),
        PartialOccurrence: 0,
        BranchID: opportunity.BranchID,
        BranchName: opportunity.BranchName,
        LastModifiedByUserID: completed !== null ? OFFICE_USER.id : (plan.crew?.leader.userId ?? OFFICE_USER.id),
        LastModifiedByUserName: completed !== null ? OFFICE_USER.name : (plan.crew?.leader.name ?? OFFICE_USER.name),
        LastModifiedDateTime: ctx.stamp(lastModified),
        CreatedByUserID: OFFICE_USER.id,
        CreatedByUserName: OFFICE_USER.name,
        SubPartialOccurrence: 0,
        HoursScheduled: scheduled,
        HoursUnscheduled: round2(hoursEst - scheduled),
        OperationsManagerContactID: manager?.contact.ContactID ?? null,
        Revenue: price,
        PercentComplete: status === 'Complete' ? 100 : plan.hours > 0 ? Math.min(99, Math.round((plan.hours / hoursEst) * 100)) : 0,
        VisitsScheduled: plan.state === 'worked' ? plan.endDay - plan.startDay + 1 : firstDay === null ? 0 : 1,
        RouteSupervisorContactID: manager?.contact.ContactID ?? null,
      }),
    )
    rows.set(row.WorkTicketID, row)
  }
  return rows
}

/** Pending Approval and Complete only for tickets whose work ended before the last day of history. */
function statusFor(plan: TicketPlan, lastDay: number, roll: number): WorkTicketStatusCode {
  if (plan.state === 'canceled') return 'Canceled'
  if (plan.state === 'future') return plan.scheduledDate === null ? 'Open' : 'Scheduled'
  if (plan.endDay >= lastDay) return 'Scheduled'
  return roll < 0.86 ? 'Complete' : roll < 0.93 ? 'Pending Approval' : 'Scheduled'
}

function budgetLines(
  ctx: GenContext,
  plan: TicketPlan,
  hoursEst: number,
  labor: Row<'CatalogItems'> | undefined,
  materials: Row<'CatalogItems'>[],
  created: number,
): Row<'WorkTicketItems'>[] {
  const { rng, data } = ctx
  const picks: Array<{ item: Row<'CatalogItems'>; quantity: number }> = []
  if (labor) picks.push({ item: labor, quantity: hoursEst })
  const count = materials.length === 0 ? 0 : rng.int(0, 2)
  for (const item of rng.shuffle(materials).slice(0, count)) picks.push({ item, quantity: rng.int(2, 40) })
  return picks.map(({ item, quantity }) =>
    data.WorkTicketItems.insert(
      makeRow('WorkTicketItems', {
        CatalogItemID: item.CatalogItemID,
        ItemName: item.ItemName,
        ItemType: item.ItemType,
        AllocationUnitTypeID: item.AllocationUnitTypeID,
        AllocationUnitTypeName: item.AllocationUnitTypeName,
        ItemQuantityExtended: quantity,
        ItemCost: item.ItemCost,
        ShowOnTicket: true,
        CreatedByUserID: OFFICE_USER.id,
        CreatedByUserName: OFFICE_USER.name,
        CreatedDateTime: ctx.stamp(created),
        CatalogItemCategoryID: item.CatalogItemCategoryID,
        CatalogItemCategoryName: categoryName(item.CatalogItemCategoryID),
        DoNotPurchase: false,
        AutoExpense: false,
        WorkTicketID: plan.id,
      }),
    ),
  )
}

/** Material drawn from the branch yard for most budgeted materials; returns the material cost. */
function allocate(ctx: GenContext, plan: TicketPlan, items: Row<'WorkTicketItems'>[]): number {
  const { rng, data } = ctx
  const yard = [...ctx.extras.inventoryLocations.values()].find((location) => location.branchId === plan.opportunity.branchId)
  let total = 0
  for (const item of items) {
    if (item.ItemType !== 'Material' || !yard || !rng.chance(0.75)) continue
    const quantity = round2((item.ItemQuantityExtended ?? 0) * rng.between(0.7, 1.25))
    const unitCost = item.ItemCost ?? 0
    const day = ctx.workdays[rng.int(plan.startDay, plan.endDay)]!
    const created = day + 15 * HOUR + rng.int(0, 30) * 5 * MINUTE
    const accepted = ctx.pastStamp(day + DAY + 8 * HOUR + rng.int(0, 24) * 5 * MINUTE)
    const cost = round2(quantity * unitCost)
    total += cost
    data.ItemAllocations.insert(
      makeRow('ItemAllocations', {
        WorkTicketID: plan.id,
        WorkTicketNumber: plan.number,
        InventoryLocationID: yard.id,
        InventoryLocationName: yard.name,
        CatalogItemID: item.CatalogItemID,
        CatalogItemName: item.ItemName,
        ItemName: item.ItemName,
        ItemType: item.ItemType,
        ItemQuantity: quantity,
        ItemUnitCost: unitCost,
        ItemTotalCost: cost,
        CreatedDateTime: ctx.stamp(created),
        CreatedByUserID: plan.crew?.leader.userId ?? OFFICE_USER.id,
        CreatedByUserName: plan.crew?.leader.name ?? OFFICE_USER.name,
        AcceptedDateTime: accepted,
        AcceptedUserID: accepted ? OFFICE_USER.id : null,
        AcceptedUserName: accepted ? OFFICE_USER.name : null,
        AllocationStatus: 'Allocated',
        ItemAllocationDate: ctx.stamp(day),
        LastModifiedByUserID: accepted ? OFFICE_USER.id : (plan.crew?.leader.userId ?? OFFICE_USER.id),
        LastModifiedByUserName: accepted ? OFFICE_USER.name : (plan.crew?.leader.name ?? OFFICE_USER.name),
        LastModifiedDateTime: accepted ?? ctx.stamp(created),
        InventoryAdjustment: false,
        SubcontractorCreated: false,
        BranchID: plan.opportunity.branchId,
      }),
    )
  }
  return round2(total)
}
