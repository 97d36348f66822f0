/**
 * Reference data: contact types, branches (each with its time zone), catalog items and the branch yards
 * that materials are allocated from.
 * @module
 */
import { makeRow } from '../tenant/tenant-data'
import { OFFICE_USER } from '../tenant/users'
import { DAY } from '../time/local-time'
import { zoneLabel } from '../time/zones'
import { round2, type GenContext } from './context'
import { BRANCHES, CATALOG, CATALOG_CATEGORIES } from './word-lists'

export const CONTACT_TYPES = ['Customer', 'Employee', 'Vendor', 'Subcontractor', 'Prospect'] as const
export const COMPANY_NAME = 'Evergreen Landscaping'

export function generateContactTypes(ctx: GenContext): void {
  for (const name of CONTACT_TYPES) ctx.data.ContactTypes.insert(makeRow('ContactTypes', { ContactTypeName: name, Active: true }))
}

export const contactTypeId = (ctx: GenContext, name: (typeof CONTACT_TYPES)[number]): number =>
  ctx.data.ContactTypes.all().find((type) => type.ContactTypeName === name)!.ContactTypeID

export function generateBranches(ctx: GenContext): void {
  for (let i = 0; i < ctx.size.branches; i++) {
    const seed = BRANCHES[i % BRANCHES.length]!
    const round = Math.floor(i / BRANCHES.length)
    const name = round === 0 ? seed.name : `${seed.name} ${round + 1}`
    // Zones asked for win; otherwise the first branch sits in the company's zone and the others keep their cities'.
    const timeZone = ctx.branchZones[i] ?? (i === 0 ? ctx.companyZone : seed.timeZone)
    const branch = ctx.data.Branches.insert(
      makeRow('Branches', {
        BranchName: name,
        Active: true,
        BranchAddressLine1: `${100 + i * 250} Commerce Dr`,
        BranchAddressCity: seed.city,
        BranchAddressStateProvinceCode: seed.state,
        BranchAddressZipCode: seed.zip,
        BranchPhone: seed.phone,
        BranchCode: round === 0 ? seed.code : `${seed.code}${round + 1}`,
        LegalName: `${COMPANY_NAME} of ${name} LLC`,
        TimeZone: zoneLabel(timeZone, ctx.timeZoneNames),
        InvoiceNumberPrefix: seed.code,
        ReceiptNumberPrefix: `R${seed.code}`,
        OpportunityNumberPrefix: `O${seed.code}`,
        RegionID: 1,
        RegionName: 'US',
        CatalogPriceListID: 1,
        CatalogPriceListName: 'Standard',
      }),
    )
    const yardId = branch.BranchID * 10
    ctx.extras.inventoryLocations.set(yardId, { id: yardId, name: `${name} Yard`, branchId: branch.BranchID })
  }
}

export function generateCatalog(ctx: GenContext): void {
  const updated = ctx.anchor - (ctx.size.days + 30) * DAY
  for (let i = 0; i < ctx.size.catalogItems; i++) {
    const seed = CATALOG[i % CATALOG.length]!
    const variant = Math.floor(i / CATALOG.length)
    const cost = variant === 0 ? seed.cost : round2(seed.cost * (1 + variant * 0.15))
    ctx.data.CatalogItems.insert(
      makeRow('CatalogItems', {
        CatalogItemCategoryID: seed.category,
        ItemType: seed.type,
        ItemName: variant === 0 ? seed.name : `${seed.name} Grade ${variant + 1}`,
        ItemDescription: `${seed.name} (${seed.unit})`,
        ItemCode: variant === 0 ? seed.code : `${seed.code}-${variant + 1}`,
        ItemCost: cost,
        PurchaseUnitTypeID: 1,
        PurchaseUnitTypeName: seed.unit,
        AllocationUnitTypeID: 1,
        AllocationUnitTypeName: seed.unit,
        UnitTypeAllocationConversion: 1,
        Inventory: seed.type === 'Material',
        AvailableToBid: true,
        // A few retired items, as every real catalog has.
        Active: !(variant > 0 && ctx.rng.chance(0.1)),
        LastUpdatedDateTime: ctx.stamp(updated - ctx.rng.int(0, 400) * DAY + ctx.rng.int(8 * 60, 17 * 60) * 60_000),
        LastUpdatedByUserID: OFFICE_USER.id,
        LastUpdatedByUserName: OFFICE_USER.name,
        PurchaseUnitCost: cost,
        ForceUnitPricing: false,
        AllocateFromMobile: seed.type === 'Material',
        CatalogId: 1,
        CatalogName: 'Master Catalog',
        AllBranches: true,
      }),
    )
  }
}

export const categoryName = (id: number | null) => (id === null ? null : (CATALOG_CATEGORIES[id] ?? null))
