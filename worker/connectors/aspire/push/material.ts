/**
 * Materials: a new allocation → `POST /ItemAllocations` (answers only `true`: the new id is the one that
 * was not there before the write); a changed one → `PUT /ItemAllocations`, unless Aspire changed it since
 * the version our edit was based on. Rule for that conflict: Aspire is the system of record, so its
 * version stands, ours is not sent, and both are logged for an admin.
 * @module
 */
import type { PushContext, PushItem, PushOutcome } from '../../../sync/connector'
import { listAspire } from '../client'
import { odataDateTime } from '../odata-literal'
import type { AspireCredentials, AspireSettings } from '../settings'
import type { AspireItemAllocation } from '../types'
import { AspireRefused, writeAspire } from '../write'

export interface MaterialPayload {
  milestoneExternalId: string
  catalogItemExternalId: string
  inventoryLocationExternalId: string
  quantity: number
  allocationDate: string
}

type Ctx = PushContext<AspireCredentials, AspireSettings>

const keyFilter = (p: MaterialPayload) =>
  `WorkTicketID eq ${Number(p.milestoneExternalId)} and CatalogItemID eq ${Number(p.catalogItemExternalId)} and ItemAllocationDate eq ${odataDateTime(p.allocationDate)}`

async function idsWithKey(ctx: Ctx, p: MaterialPayload): Promise<string[]> {
  const rows = await listAspire<AspireItemAllocation>(ctx, '/ItemAllocations', { filter: keyFilter(p), select: 'ItemAllocationID', limit: 1000, pageNumber: 1 })
  return rows.map((r) => String(r.ItemAllocationID))
}

async function newSince(ctx: Ctx, p: MaterialPayload, before: string[]): Promise<string | null> {
  const claimed = await ctx.claimedVendorIds('material')
  const fresh = (await idsWithKey(ctx, p)).filter((id) => !before.includes(id) && !claimed.has(id))
  return fresh.sort((a, b) => Number(b) - Number(a))[0] ?? null
}

const body = (p: MaterialPayload) => ({
  Quantity: p.quantity,
  CatalogItemID: Number(p.catalogItemExternalId),
  InventoryLocationID: Number(p.inventoryLocationExternalId),
  WorkTicketID: Number(p.milestoneExternalId),
  AllocationDate: `${p.allocationDate}T00:00:00`,
})

async function create(ctx: Ctx, item: PushItem, p: MaterialPayload): Promise<PushOutcome> {
  if (item.state === 'sending' && Array.isArray(item.recovery?.before)) {
    const found = await newSince(ctx, p, item.recovery.before as string[])
    if (found) return { state: 'pushed', vendorExternalId: found }
  }
  const before = await idsWithKey(ctx, p)
  await ctx.markSending({ before })
  await writeAspire(ctx, 'POST', '/ItemAllocations', body(p))
  const found = await newSince(ctx, p, before)
  if (found) return { state: 'pushed', vendorExternalId: found }
  return { state: 'failed', reason: 'Aspire accepted the material but it could not be found afterwards. Check the work ticket in Aspire.' }
}

async function update(ctx: Ctx, item: PushItem, p: MaterialPayload): Promise<PushOutcome> {
  const id = item.vendorExternalId!
  const [current] = await listAspire<AspireItemAllocation>(ctx, '/ItemAllocations', { filter: `ItemAllocationID eq ${Number(id)}`, limit: 1, pageNumber: 1 })
  if (!current) return { state: 'failed', reason: 'This material allocation no longer exists in Aspire.' }
  // Our own earlier attempt may be what changed it: then the values already match and nothing is lost.
  const alreadyApplied = current.ItemQuantity === p.quantity && String(current.InventoryLocationID) === p.inventoryLocationExternalId
  if (alreadyApplied) return { state: 'pushed', vendorExternalId: id }
  if ((current.LastModifiedDateTime ?? null) !== item.baseVendorModified) {
    return { state: 'conflict', reason: 'Changed in Aspire after this edit was made; Aspire’s version was kept.', theirs: current as Record<string, unknown> }
  }
  await ctx.markSending()
  await writeAspire(ctx, 'PUT', '/ItemAllocations', { ...body(p), ItemAllocationId: Number(id) })
  return { state: 'pushed', vendorExternalId: id }
}

export async function pushMaterial(ctx: Ctx, item: PushItem): Promise<PushOutcome> {
  const p = item.payload as unknown as MaterialPayload
  try {
    return item.operation === 'create' ? await create(ctx, item, p) : await update(ctx, item, p)
  } catch (err) {
    if (err instanceof AspireRefused) return { state: 'failed', reason: err.message }
    throw err
  }
}
