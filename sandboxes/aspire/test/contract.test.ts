import { describe, expect, it } from 'vitest'
import { ENTITY_SET_NAMES } from '../entities'
import { harness, q } from './harness'
import { describeErrors, responseValidator } from './openapi-validator'

describe('responses validate against the official OpenAPI document', () => {
  it.each(ENTITY_SET_NAMES)('should serve GET /%s rows that match the list schema with every key present', async (set) => {
    const h = await harness({ size: 'demo', timeZoneNames: 'windows' })
    const validate = responseValidator(`/${set}`, 'get')
    let rows = 0
    for (let page = 1; ; page++) {
      const body = await h.get<unknown[]>(`/${set}${q({ $limit: 1000, $pageNumber: page })}`)
      expect(validate(body), describeErrors(validate)).toBe(true)
      rows += body.length
      if (body.length < 1000) break
    }
    expect(rows).toBe(h.tenant.data[set].size)
    expect(rows, `${set} should not be empty in the demo tenant`).toBeGreaterThan(0)
  })

  it('should match the loose schema for $select projections', async () => {
    const h = await harness()
    const validate = responseValidator('/WorkTicketTimes', 'get', false)
    const body = await h.get(`/WorkTicketTimes${q({ $select: 'WorkTicketTimeID,Hours,StartTime' })}`)
    expect(validate(body), describeErrors(validate)).toBe(true)
    expect(responseValidator('/WorkTicketTimes', 'get')(body)).toBe(false)
  })

  it('should reject a row with a wrong type or an offset date, proving the validator bites', async () => {
    const h = await harness()
    const validate = responseValidator('/WorkTickets', 'get')
    const [row] = await h.get('/WorkTickets')
    expect(validate([{ ...row, HoursEst: '3' }])).toBe(false)
    expect(validate([{ ...row, LastModifiedDateTime: '2026-11-18T09:00:00Z' }])).toBe(false)
    expect(validate([{ ...row, Unexpected: 1 }])).toBe(false)
  })

  it('should answer auth and writes with the declared response types', async () => {
    const h = await harness()
    const auth = await (await h.login()).json()
    const validateAuth = responseValidator('/Authorization', 'post', false)
    expect(validateAuth(auth), describeErrors(validateAuth)).toBe(true)

    const ticket = h.tenant.data.WorkTickets.all()[0]!
    const contact = h.tenant.data.Contacts.all()[1]!
    const time = await h.api('/WorkTicketTimes', {
      method: 'POST',
      body: { ContactID: contact.ContactID, WorkTicketID: ticket.WorkTicketID, StartTime: '2026-11-17T07:00:00', EndTime: '2026-11-17T08:00:00' },
    })
    expect(responseValidator('/WorkTicketTimes', 'post')(await time.json())).toBe(true)

    const item = h.tenant.data.CatalogItems.all().find((row) => row.ItemType === 'Material')!
    const allocation = { Quantity: 1, CatalogItemID: item.CatalogItemID, InventoryLocationID: 10, WorkTicketID: ticket.WorkTicketID, AllocationDate: '2026-11-17' }
    const posted = await h.api('/ItemAllocations', { method: 'POST', body: allocation })
    expect(responseValidator('/ItemAllocations', 'post')(await posted.json())).toBe(true)
    const id = h.tenant.data.ItemAllocations.all().at(-1)!.ItemAllocationID
    const put = await h.api('/ItemAllocations', { method: 'PUT', body: { ...allocation, ItemAllocationId: id } })
    expect(responseValidator('/ItemAllocations', 'put')(await put.json())).toBe(true)
  })
})
