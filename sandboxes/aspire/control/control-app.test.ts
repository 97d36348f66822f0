import { describe, expect, it } from 'vitest'
import type { Row } from '../entities'
import { harness, q, type Harness } from '../test/harness'

type Json = Record<string, unknown>
const json = async <T = Json>(res: Response | Promise<Response>) => (await (await res).json()) as T
const tenantPath = (h: Harness, path = '') => `/tenants/${h.tenant.clientId}${path}`

describe('control API', () => {
  describe('tenants', () => {
    it('should create a tenant with generated unique credentials that can log in', async () => {
      const h = await harness({ size: 'empty' })
      const created = await h.control('/tenants', { method: 'POST' })
      expect(created.status).toBe(201)
      const body = await json<{ clientId: string; secret: string; apiBaseUrl: string; counts: Json }>(created)
      expect(body.clientId).toMatch(/^sandbox-client-/)
      expect(body.apiBaseUrl).toBe('http://localhost')
      expect(body.counts.WorkTickets).toBe(12)
      expect((await h.login({ ClientId: body.clientId, Secret: body.secret })).status).toBe(200)
      const second = await json<{ clientId: string }>(h.control('/tenants', { method: 'POST' }))
      expect(second.clientId).not.toBe(body.clientId)
    })

    it('should create a tenant with chosen credentials, size, zone and config, and refuse a duplicate', async () => {
      const h = await harness({ size: 'empty' })
      const body = { clientId: 'acme', secret: 's3cret', seed: 7, size: { employees: 4, workTickets: 6, timeEntries: 30 }, timeZone: 'America/Denver', config: { listEnvelope: 'value' } }
      const created = await json<{ counts: Json; config: Json; timeZone: string }>(h.control('/tenants', { method: 'POST', body }))
      expect(created.counts).toMatchObject({ WorkTickets: 6, WorkTicketTimes: 30 })
      expect(created.config.listEnvelope).toBe('value')
      expect(h.sandbox.tenants.get('acme')!.data.Branches.all()[0]!.TimeZone).toBe('America/Denver')
      expect((await h.control('/tenants', { method: 'POST', body })).status).toBe(409)
    })

    it('should reject bad bodies: unknown keys, unknown zones, bad sizes', async () => {
      const h = await harness({ size: 'empty' })
      expect((await h.control('/tenants', { method: 'POST', body: { sise: 'demo' } })).status).toBe(400)
      expect((await h.control('/tenants', { method: 'POST', body: { timeZone: 'Mars/Base' } })).status).toBe(400)
      expect((await h.control('/tenants', { method: 'POST', body: { size: 'huge' } })).status).toBe(400)
      expect((await h.control('/tenants', { method: 'POST', body: '{not json' })).status).toBe(400)
    })

    it('should report, reconfigure, reset and delete a tenant', async () => {
      const h = await harness()
      expect(await json(h.control(tenantPath(h)))).toMatchObject({ clientId: h.tenant.clientId, localNow: '2026-11-18T09:00:00' })
      await h.control(tenantPath(h, '/records/WorkTickets/10001'), { method: 'DELETE' })
      expect((await json(h.control(tenantPath(h, '/counts')))).WorkTickets).toBe(11)
      expect((await h.control(tenantPath(h, '/reset'), { method: 'POST' })).status).toBe(200)
      expect((await json(h.control(tenantPath(h, '/counts')))).WorkTickets).toBe(12)
      const patched = await json<{ config: Json }>(h.control(tenantPath(h), { method: 'PATCH', body: { badCredentialsStatus: 401, rateLimit: 'sandbox' } }))
      expect(patched.config).toMatchObject({ badCredentialsStatus: 401, rateLimit: 'sandbox' })
      expect((await h.control(tenantPath(h), { method: 'PATCH', body: { badCredentialsStatus: 418 } })).status).toBe(400)
      expect((await h.control(tenantPath(h), { method: 'DELETE' })).status).toBe(204)
      expect((await h.control(tenantPath(h))).status).toBe(404)
      expect((await h.api('/Branches')).status).toBe(401)
    })

    it('should list tenants and answer 404 for unknown control routes', async () => {
      const h = await harness()
      expect((await json<{ tenants: unknown[] }>(h.control(''))).tenants).toHaveLength(1)
      expect((await h.control('/nothing-here')).status).toBe(404)
    })
  })

  describe('records', () => {
    it('should read records with OData options and no paging cap', async () => {
      const h = await harness({ size: 'demo' })
      expect(await json<unknown[]>(h.control(tenantPath(h, '/records/WorkTicketTimes')))).toHaveLength(600)
      const rows = await json<Json[]>(h.control(tenantPath(h, `/records/Contacts${q({ $filter: "ContactTypeName eq 'Employee'", $select: 'ContactID' })}`)))
      expect(rows.every((row) => Object.keys(row).join() === 'ContactID')).toBe(true)
      expect((await h.control(tenantPath(h, '/records/Nope'))).status).toBe(404)
    })

    it('should patch a record and bump its modified stamp and modified-by pair', async () => {
      const h = await harness()
      const contact = h.tenant.data.Contacts.all()[0]!
      const res = await h.control(tenantPath(h, `/records/Contacts/${contact.ContactID}`), { method: 'PATCH', body: { MobilePhone: '(512) 555-9999' } })
      expect(res.status).toBe(200)
      const [row] = await h.get<Row<'Contacts'>[]>(`/Contacts${q({ $filter: `ContactID eq ${contact.ContactID}` })}`)
      expect(row).toMatchObject({ MobilePhone: '(512) 555-9999', ModifiedDate: '2026-11-18T09:00:00', LastModifiedByUserId: 11, LastModifiedByUserName: 'Dana Office' })
    })

    it('should keep an explicit modified stamp and leave entities without one alone', async () => {
      const h = await harness()
      const ticket = h.tenant.data.WorkTickets.all()[0]!
      await h.control(tenantPath(h, `/records/WorkTickets/${ticket.WorkTicketID}`), { method: 'PATCH', body: { Notes: 'x', LastModifiedDateTime: '2026-01-01T00:00:00' } })
      expect(h.tenant.data.WorkTickets.get(ticket.WorkTicketID)!.LastModifiedDateTime).toBe('2026-01-01T00:00:00')
      const rate = h.tenant.data.PayRates.all()[0]!
      const patched = await json(h.control(tenantPath(h, `/records/PayRates/${rate.PayRateID}`), { method: 'PATCH', body: { HourlyBasePay: 99 } }))
      expect(Object.keys(patched)).toEqual(['PayRateID', 'ContactID', 'ContactName', 'EffectiveDate', 'HourlyBasePay', 'BurdenPercent'])
    })

    it('should reject unknown fields and key changes, and 404 unknown ids', async () => {
      const h = await harness()
      expect((await h.control(tenantPath(h, '/records/WorkTickets/10001'), { method: 'PATCH', body: { workTicketStatus: 'x' } })).status).toBe(400)
      expect((await h.control(tenantPath(h, '/records/WorkTickets/10001'), { method: 'PATCH', body: { WorkTicketID: 5 } })).status).toBe(400)
      expect((await h.control(tenantPath(h, '/records/WorkTickets/1'), { method: 'PATCH', body: { Notes: 'x' } })).status).toBe(404)
      expect((await h.control(tenantPath(h, '/records/WorkTickets/1'), { method: 'DELETE' })).status).toBe(404)
    })

    it('should add records with every key present and the next id', async () => {
      const h = await harness()
      const res = await h.control(tenantPath(h, '/records/Branches'), { method: 'POST', body: [{ BranchName: 'Tulsa', TimeZone: 'America/Chicago' }] })
      expect(res.status).toBe(201)
      const [branch] = await json<Json[]>(res)
      expect(branch).toMatchObject({ BranchID: 2, BranchName: 'Tulsa', BranchCode: null })
      const [ticket] = await json<Json[]>(h.control(tenantPath(h, '/records/WorkTickets'), { method: 'POST', body: { BranchID: 2, HoursEst: 3 } }))
      expect(ticket).toMatchObject({ WorkTicketID: 10013, LastModifiedDateTime: '2026-11-18T09:00:00', HoursScheduled: 0 })
    })

    it('should delete silently: the record just disappears from lists', async () => {
      const h = await harness()
      const time = h.tenant.data.WorkTicketTimes.all()[3]!
      expect((await h.control(tenantPath(h, `/records/WorkTicketTimes/${time.WorkTicketTimeID}`), { method: 'DELETE' })).status).toBe(204)
      const rows = await h.get(`/WorkTicketTimes${q({ $limit: 1000 })}`)
      expect(rows.some((row) => row.WorkTicketTimeID === time.WorkTicketTimeID)).toBe(false)
      expect(rows).toHaveLength(89)
    })
  })

  describe('work ticket status', () => {
    const ticketOf = async (h: Harness, id: number) => (await h.get<Row<'WorkTickets'>[]>(`/WorkTickets${q({ $filter: `WorkTicketID eq ${id}` })}`))[0]!

    it('should complete a ticket: code, name, CompleteDate and modified stamp', async () => {
      const h = await harness()
      const ticket = h.tenant.data.WorkTickets.all().find((row) => row.WorkTicketStatus === 'Scheduled')!
      const res = await h.control(tenantPath(h, `/work-tickets/${ticket.WorkTicketID}/complete`), { method: 'POST' })
      expect(res.status).toBe(200)
      expect(await ticketOf(h, ticket.WorkTicketID)).toMatchObject({
        WorkTicketStatus: 'Complete',
        WorkTicketStatusName: 'Complete',
        WorkTicketStatusID: 4,
        CompleteDate: '2026-11-18T09:00:00',
        LastModifiedDateTime: '2026-11-18T09:00:00',
      })
    })

    it('should uncomplete back to Scheduled, and move through pending approval and canceled', async () => {
      const h = await harness()
      const id = h.tenant.data.WorkTickets.all().find((row) => row.WorkTicketStatus === 'Scheduled' && row.ScheduledStartDate)!.WorkTicketID
      await h.control(tenantPath(h, `/work-tickets/${id}/complete`), { method: 'POST', body: { at: '2026-11-17T16:00:00' } })
      expect((await ticketOf(h, id)).CompleteDate).toBe('2026-11-17T16:00:00')
      await h.control(tenantPath(h, `/work-tickets/${id}/uncomplete`), { method: 'POST' })
      expect(await ticketOf(h, id)).toMatchObject({ WorkTicketStatus: 'Scheduled', CompleteDate: null })
      await h.control(tenantPath(h, `/work-tickets/${id}/pending-approval`), { method: 'POST' })
      expect(await ticketOf(h, id)).toMatchObject({ WorkTicketStatus: 'Pending Approval', CompleteDate: null })
      await h.control(tenantPath(h, `/work-tickets/${id}/cancel`), { method: 'POST' })
      expect(await ticketOf(h, id)).toMatchObject({ WorkTicketStatus: 'Canceled', WorkTicketStatusID: 5 })
      expect((await h.control(tenantPath(h, `/work-tickets/${id}/explode`), { method: 'POST' })).status).toBe(404)
      expect((await h.control(tenantPath(h, '/work-tickets/1/complete'), { method: 'POST' })).status).toBe(404)
    })

    it('should show tenant status names and the Cancelled spelling while the code stays fixed', async () => {
      const h = await harness()
      await h.control(tenantPath(h), { method: 'PATCH', body: { statusNames: { Complete: 'Done', Scheduled: 'On Board' }, canceledSpelling: 'Cancelled' } })
      const id = h.tenant.data.WorkTickets.all().find((row) => row.WorkTicketStatusID === 2)!.WorkTicketID
      expect(await ticketOf(h, id)).toMatchObject({ WorkTicketStatus: 'Scheduled', WorkTicketStatusName: 'On Board' })
      await h.control(tenantPath(h, `/work-tickets/${id}/complete`), { method: 'POST' })
      expect(await ticketOf(h, id)).toMatchObject({ WorkTicketStatus: 'Complete', WorkTicketStatusName: 'Done' })
      await h.control(tenantPath(h, `/work-tickets/${id}/cancel`), { method: 'POST' })
      expect(await ticketOf(h, id)).toMatchObject({ WorkTicketStatus: 'Cancelled', WorkTicketStatusName: 'Cancelled' })
    })

    it('should complete the job once every ticket of the opportunity is complete or canceled', async () => {
      const h = await harness({ size: 'demo' })
      const opportunity = h.tenant.data.Opportunities.all().find((row) => row.JobStatusName === 'In Process')!
      const tickets = h.tenant.data.WorkTickets.all().filter((row) => row.OpportunityID === opportunity.OpportunityID)
      for (const ticket of tickets) await h.control(tenantPath(h, `/work-tickets/${ticket.WorkTicketID}/complete`), { method: 'POST' })
      const [after] = await h.get<Row<'Opportunities'>[]>(`/Opportunities${q({ $filter: `OpportunityID eq ${opportunity.OpportunityID}` })}`)
      expect(after).toMatchObject({ JobStatusName: 'Complete', CompleteDate: '2026-11-18T09:00:00', ModifiedDate: '2026-11-18T09:00:00' })
      const [job] = await h.get<Row<'Jobs'>[]>(`/Jobs${q({ $filter: `OpportunityID eq ${opportunity.OpportunityID}` })}`)
      expect(job).toMatchObject({ JobStatusID: 2, CompleteDate: '2026-11-18T09:00:00' })
      await h.control(tenantPath(h, `/work-tickets/${tickets[0]!.WorkTicketID}/uncomplete`), { method: 'POST' })
      expect(h.tenant.data.Opportunities.get(opportunity.OpportunityID)!.JobStatusName).toBe('In Process')
    })
  })

  describe('pay rates and clock', () => {
    it('should set a pay rate from a date on, updating the row for the same date', async () => {
      const h = await harness()
      const contactId = h.tenant.data.Contacts.all()[1]!.ContactID
      const first = await json<Row<'PayRates'>>(h.control(tenantPath(h, '/pay-rates'), { method: 'PUT', body: { ContactID: contactId, EffectiveDate: '2026-11-16', HourlyBasePay: 25 } }))
      const second = await json<Row<'PayRates'>>(h.control(tenantPath(h, '/pay-rates'), { method: 'PUT', body: { ContactID: contactId, EffectiveDate: '2026-11-16', HourlyBasePay: 26 } }))
      expect(second.PayRateID).toBe(first.PayRateID)
      expect(second).toMatchObject({ EffectiveDate: '2026-11-16T00:00:00', HourlyBasePay: 26 })
      expect((await h.control(tenantPath(h, '/pay-rates'), { method: 'PUT', body: { ContactID: 1, EffectiveDate: '2026-11-16', HourlyBasePay: 1 } })).status).toBe(400)
    })

    it('should advance and set the tenant clock', async () => {
      const h = await harness()
      expect(await json(h.control(tenantPath(h, '/clock'), { method: 'POST', body: { advanceHours: 2, advanceMinutes: 30 } }))).toMatchObject({ localNow: '2026-11-18T11:30:00' })
      expect(await json(h.control(tenantPath(h, '/clock'), { method: 'POST', body: { set: '2026-12-01T18:00:00Z' } }))).toMatchObject({ now: '2026-12-01T18:00:00.000Z', localNow: '2026-12-01T12:00:00' })
    })
  })
})
