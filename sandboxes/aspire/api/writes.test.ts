import { describe, expect, it } from 'vitest'
import type { Row } from '../entities'
import { harness, q } from '../test/harness'

async function setup() {
  const h = await harness({ size: 'demo' })
  const ticket = h.tenant.data.WorkTickets.all().find((row) => row.WorkTicketStatus === 'Scheduled' && (row.HoursAct ?? 0) > 0)!
  const employee = h.tenant.data.Contacts.all().find((row) => row.ContactTypeName === 'Employee' && row.Active)!
  return { h, ticket: { ...ticket }, employee }
}

describe('POST /WorkTicketTimes', () => {
  it('should return the new id as a JSON string and compute derived values', async () => {
    const { h, ticket, employee } = await setup()
    // A raise effective 2026-11-10 must not apply to work on 2026-11-09.
    h.tenant.data.PayRates.insert({ ...h.tenant.data.PayRates.all()[0]!, PayRateID: 0, ContactID: employee.ContactID, EffectiveDate: '2026-11-01T00:00:00', HourlyBasePay: 20, BurdenPercent: 25 })
    h.tenant.data.PayRates.insert({ ...h.tenant.data.PayRates.all()[0]!, PayRateID: 0, ContactID: employee.ContactID, EffectiveDate: '2026-11-10T00:00:00', HourlyBasePay: 30, BurdenPercent: 25 })
    const res = await h.api('/WorkTicketTimes', {
      method: 'POST',
      body: { ContactID: employee.ContactID, WorkTicketID: ticket.WorkTicketID, StartTime: '2026-11-09T07:00:00', EndTime: '2026-11-09T09:30:00' },
    })
    expect(res.status).toBe(200)
    const id = (await res.json()) as string
    expect(typeof id).toBe('string')
    const [row] = await h.get<Row<'WorkTicketTimes'>[]>(`/WorkTicketTimes${q({ $filter: `WorkTicketTimeID eq ${id}` })}`)
    const branch = h.tenant.data.Branches.get(ticket.BranchID!)!
    expect(row).toMatchObject({
      WorkTicketID: ticket.WorkTicketID,
      WorkTicketNumber: ticket.WorkTicketNumber,
      ContactID: employee.ContactID,
      ContactName: `${employee.FirstName} ${employee.LastName}`,
      WorkTicketTimeDate: '2026-11-09T00:00:00',
      StartTime: '2026-11-09T07:00:00',
      EndTime: '2026-11-09T09:30:00',
      Hours: 2.5,
      BaseHourlyRate: 20,
      BurdenedCost: 62.5,
      BranchID: branch.BranchID,
      BranchName: branch.BranchName,
      BranchTimeZone: branch.TimeZone,
      CreatedDateTime: '2026-11-18T09:00:00',
      LastModifiedDateTime: '2026-11-18T09:00:00',
      CrewLeaderContactID: ticket.CrewLeaderContactID,
    })
  })

  it('should roll hours and labor cost into the ticket and bump its LastModifiedDateTime', async () => {
    const { h, ticket, employee } = await setup()
    await h.api('/WorkTicketTimes', {
      method: 'POST',
      body: { ContactID: employee.ContactID, WorkTicketID: ticket.WorkTicketID, StartTime: '2026-11-17T13:00', EndTime: '2026-11-17T14:00', RouteID: h.tenant.data.Routes.all()[0]!.RouteID },
    })
    const [after] = await h.get<Row<'WorkTickets'>[]>(`/WorkTickets${q({ $filter: `WorkTicketID eq ${ticket.WorkTicketID}` })}`)
    const created = h.tenant.data.WorkTicketTimes.all().at(-1)!
    expect(after!.HoursAct).toBeCloseTo(ticket.HoursAct! + 1, 5)
    expect(after!.LaborCostAct).toBeCloseTo(ticket.LaborCostAct! + created.BurdenedCost!, 5)
    expect(after!.LastModifiedDateTime).toBe('2026-11-18T09:00:00')
    expect(after!.LastModifiedDateTime! > ticket.LastModifiedDateTime!).toBe(true)
    expect(created.RouteName).toBe(h.tenant.data.Routes.all()[0]!.RouteName)
  })

  it('should reject a body without StartTime or with ContactID missing (defaults to 0, below minimum 1)', async () => {
    const { h, ticket } = await setup()
    const res = await h.api('/WorkTicketTimes', { method: 'POST', body: { WorkTicketID: ticket.WorkTicketID, EndTime: '2026-11-17T14:00:00' } })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: Record<string, string[]> }
    expect(body.errors.StartTime).toEqual(['The StartTime field is required.'])
    expect(body.errors.ContactID).toEqual(['The field ContactID must be between 1 and 2147483647.'])
  })

  it('should reject an unknown ticket and an end before the start', async () => {
    const { h, ticket, employee } = await setup()
    const unknown = await h.api('/WorkTicketTimes', { method: 'POST', body: { ContactID: employee.ContactID, WorkTicketID: 1, StartTime: '2026-11-17T07:00:00', EndTime: '2026-11-17T08:00:00' } })
    expect(unknown.status).toBe(400)
    const backwards = await h.api('/WorkTicketTimes', {
      method: 'POST',
      body: { ContactID: employee.ContactID, WorkTicketID: ticket.WorkTicketID, StartTime: '2026-11-17T09:00:00', EndTime: '2026-11-17T08:00:00' },
    })
    expect(backwards.status).toBe(400)
  })
})

describe('ItemAllocations', () => {
  const material = (h: Awaited<ReturnType<typeof setup>>['h']) => h.tenant.data.CatalogItems.all().find((item) => item.ItemType === 'Material')!
  const yard = (h: Awaited<ReturnType<typeof setup>>['h'], branchId: number) => [...h.tenant.extras.inventoryLocations.values()].find((location) => location.branchId === branchId)!

  it('should answer POST with true and no id, pricing from the catalog and rolling into MaterialCostAct', async () => {
    const { h, ticket } = await setup()
    const item = material(h)
    const res = await h.api('/ItemAllocations', {
      method: 'POST',
      body: { Quantity: 4, CatalogItemID: item.CatalogItemID, InventoryLocationID: yard(h, ticket.BranchID!).id, WorkTicketID: ticket.WorkTicketID, AllocationDate: '2026-11-17' },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toBe(true)
    const [row] = await h.get<Row<'ItemAllocations'>[]>(
      `/ItemAllocations${q({ $filter: `WorkTicketID eq ${ticket.WorkTicketID} and CatalogItemID eq ${item.CatalogItemID} and ItemAllocationDate eq 2026-11-17`, $orderby: 'ItemAllocationID desc' })}`,
    )
    expect(row).toMatchObject({ ItemQuantity: 4, ItemUnitCost: item.ItemCost, ItemTotalCost: Math.round(4 * item.ItemCost! * 100) / 100, LastModifiedDateTime: '2026-11-18T09:00:00' })
    const after = h.tenant.data.WorkTickets.get(ticket.WorkTicketID)!
    expect(after.MaterialCostAct).toBeCloseTo((ticket.MaterialCostAct ?? 0) + row!.ItemTotalCost!, 5)
    expect(after.TotalCostAct).toBeCloseTo((ticket.TotalCostAct ?? 0) + row!.ItemTotalCost!, 5)
  })

  it('should update with PUT keyed by ItemAllocationId, return the id and re-roll the cost', async () => {
    const { h, ticket } = await setup()
    const item = material(h)
    const body = { Quantity: 2, CatalogItemID: item.CatalogItemID, InventoryLocationID: yard(h, ticket.BranchID!).id, WorkTicketID: ticket.WorkTicketID, AllocationDate: '2026-11-17' }
    await h.api('/ItemAllocations', { method: 'POST', body })
    const id = h.tenant.data.ItemAllocations.all().at(-1)!.ItemAllocationID
    const res = await h.api('/ItemAllocations', { method: 'PUT', body: { ...body, Quantity: 10, ItemAllocationId: id } })
    expect(res.status).toBe(200)
    expect(await res.json()).toBe(id)
    const row = h.tenant.data.ItemAllocations.get(id)!
    expect(row.ItemQuantity).toBe(10)
    expect(h.tenant.data.WorkTickets.get(ticket.WorkTicketID)!.MaterialCostAct).toBeCloseTo((ticket.MaterialCostAct ?? 0) + row.ItemTotalCost!, 5)
  })

  it('should require the irregularly cased ItemAllocationId on PUT', async () => {
    const { h, ticket } = await setup()
    const item = material(h)
    const res = await h.api('/ItemAllocations', {
      method: 'PUT',
      body: { Quantity: 1, CatalogItemID: item.CatalogItemID, InventoryLocationID: yard(h, ticket.BranchID!).id, WorkTicketID: ticket.WorkTicketID, AllocationDate: '2026-11-17', ItemAllocationID: 40001 },
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: Record<string, unknown> }).errors).toHaveProperty('ItemAllocationId')
  })

  it('should reject an unknown inventory location', async () => {
    const { h, ticket } = await setup()
    const res = await h.api('/ItemAllocations', {
      method: 'POST',
      body: { Quantity: 1, CatalogItemID: material(h).CatalogItemID, InventoryLocationID: 999, WorkTicketID: ticket.WorkTicketID, AllocationDate: '2026-11-17' },
    })
    expect(res.status).toBe(400)
  })
})

describe('PayRates', () => {
  it('should insert with POST and update with PUT, answering an empty 200', async () => {
    const { h, employee } = await setup()
    const created = await h.api('/PayRates', { method: 'POST', body: { ContactID: employee.ContactID, EffectiveDate: '2026-11-18', HourlyBasePay: 27.5, BurdenPercent: 22 } })
    expect(created.status).toBe(200)
    expect(await created.text()).toBe('')
    const [rate] = await h.get<Row<'PayRates'>[]>(`/PayRates${q({ $filter: `ContactID eq ${employee.ContactID} and EffectiveDate eq 2026-11-18` })}`)
    expect(rate).toMatchObject({ HourlyBasePay: 27.5, BurdenPercent: 22, EffectiveDate: '2026-11-18T00:00:00', ContactName: `${employee.FirstName} ${employee.LastName}` })
    const updated = await h.api('/PayRates', { method: 'PUT', body: { PayRateID: rate!.PayRateID, ContactID: employee.ContactID, EffectiveDate: '2026-11-18', HourlyBasePay: 29, BurdenPercent: 22 } })
    expect(updated.status).toBe(200)
    expect(h.tenant.data.PayRates.get(rate!.PayRateID)!.HourlyBasePay).toBe(29)
  })

  it('should require BurdenPercent and an existing PayRateID', async () => {
    const { h, employee } = await setup()
    expect((await h.api('/PayRates', { method: 'POST', body: { ContactID: employee.ContactID, EffectiveDate: '2026-11-18' } })).status).toBe(400)
    expect((await h.api('/PayRates', { method: 'PUT', body: { PayRateID: 1, ContactID: employee.ContactID, EffectiveDate: '2026-11-18', BurdenPercent: 1 } })).status).toBe(400)
  })
})

describe('other simulated writes', () => {
  it('should insert a clock time and return its int32 id', async () => {
    const { h, employee } = await setup()
    const route = h.tenant.data.Routes.all()[0]!
    const res = await h.api('/ClockTimes', {
      method: 'POST',
      body: { ContactID: employee.ContactID, RouteID: route.RouteID, ClockStartDateTime: '2026-11-17T06:45:00', ClockEndDateTime: '2026-11-17T16:10:00', BreakTime: 30 },
    })
    const id = (await res.json()) as number
    expect(Number.isInteger(id)).toBe(true)
    expect(h.tenant.data.ClockTimes.get(id)).toMatchObject({ ClockStart: '2026-11-17T06:45:00', BreakTime: 30 })
    const neither = await h.api('/ClockTimes', { method: 'POST', body: { ContactID: employee.ContactID, ClockStartDateTime: '2026-11-17T06:45:00', ClockEndDateTime: '2026-11-17T16:10:00' } })
    expect(neither.status).toBe(400)
  })

  it('should mark a work ticket reviewed and bump it', async () => {
    const { h, ticket } = await setup()
    const path = '/WorkTicketStatus/MarkWorkTicketAsReviewed'
    // ReviewedUserID has minimum 1: leaving it out fails like any missing non-nullable int.
    expect((await h.api(path, { method: 'POST', body: { WorkTicketID: ticket.WorkTicketID, ReviewedDateTime: '2026-11-18T08:30:00' } })).status).toBe(400)
    const res = await h.api(path, { method: 'POST', body: { WorkTicketID: ticket.WorkTicketID, ReviewedDateTime: '2026-11-18T08:30:00', ReviewedUserID: 11 } })
    expect(res.status).toBe(200)
    expect(h.tenant.data.WorkTickets.get(ticket.WorkTicketID)).toMatchObject({
      ReviewedDateTime: '2026-11-18T08:30:00',
      ReviewedUserName: 'Dana Office',
      LastModifiedDateTime: '2026-11-18T09:00:00',
    })
  })
})
