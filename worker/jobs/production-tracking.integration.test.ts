import { describe, expect, it } from 'vitest'
import { MilestoneLookup } from '../../shared/api/jobs'
import { captureQueue, connectAspire, control, createTenant, drain, records } from '../../tools/test/aspire-sandbox'
import { call, orgWithAdmin } from '../../tools/test/fixtures'

type Item = { WorkTicketID: number; CatalogItemID: number; ItemQuantityExtended: number | null }
type Allocation = { WorkTicketID: number; CatalogItemID: number; ItemQuantity: number | null }

describe('production tracking', () => {
  it("should give a milestone's percent complete from the materials used against its budgeted quantities", async () => {
    const queue = captureQueue()
    const tenant = await createTenant({ size: 'demo', seed: 5 })
    const { token } = await orgWithAdmin()
    await connectAspire(token, tenant)
    await drain(queue)
    const items = await records<Item>(tenant, 'WorkTicketItems')
    const ticketId = items.find((i) => (i.ItemQuantityExtended ?? 0) > 0)!.WorkTicketID
    const budgetLine = items.find((i) => i.WorkTicketID === ticketId && (i.ItemQuantityExtended ?? 0) > 0)!
    // Use a quarter of one budgeted item in Aspire, as a crew would.
    const quarter = budgetLine.ItemQuantityExtended! / 4
    await control(`/tenants/${tenant.clientId}/records/ItemAllocations`, {
      json: { WorkTicketID: ticketId, CatalogItemID: budgetLine.CatalogItemID, ItemQuantity: quarter, ItemAllocationDate: new Date().toISOString().slice(0, 19) },
    })
    await call(`/api/v1/connections/${(await (await call('/api/v1/connections', { token })).json() as { connections: { id: string }[] }).connections[0]!.id}/sync`, { method: 'POST', token })
    await drain(queue)

    const budgeted = new Map<number, number>()
    for (const i of items.filter((i) => i.WorkTicketID === ticketId && (i.ItemQuantityExtended ?? 0) > 0)) budgeted.set(i.CatalogItemID, (budgeted.get(i.CatalogItemID) ?? 0) + i.ItemQuantityExtended!)
    const used = new Map<number, number>()
    for (const a of await records<Allocation>(tenant, 'ItemAllocations', `?$filter=WorkTicketID eq ${ticketId}`)) used.set(a.CatalogItemID, (used.get(a.CatalogItemID) ?? 0) + (a.ItemQuantity ?? 0))
    const total = [...budgeted.values()].reduce((a, b) => a + b, 0)
    const done = [...budgeted].reduce((sum, [item, qty]) => sum + Math.min(used.get(item) ?? 0, qty), 0)

    const { milestones } = MilestoneLookup.parse(await (await call(`/api/v1/milestones?vendor=aspire&externalId=${ticketId}`, { token })).json())
    const progress = milestones[0]!.milestone.materials
    expect(progress.percentComplete).toBe(Math.round((done / total) * 100))
    const line = progress.lines.find((l) => l.catalogItemExternalId === String(budgetLine.CatalogItemID))!
    expect(line.usedQuantity).toBeCloseTo(used.get(budgetLine.CatalogItemID)!, 6)
    expect(line.usedQuantity).toBeGreaterThanOrEqual(quarter)
  })
})
