import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PageSyncResponse } from '../../shared/api/connections'
import { MilestoneBadges } from '../../shared/api/jobs'
import { captureQueue, connectAspire, control, createTenant, drain, records } from '../../tools/test/aspire-sandbox'
import { call, orgWithAdmin, userWithRole } from '../../tools/test/fixtures'
import type { QueueMessage } from '../env'
import type { PageSyncKick, SyncMessage } from '../sync/queue-messages'
import { runPageSyncKick } from './page-sync'

type Ticket = { WorkTicketID: number; OpportunityID: number; WorkTicketStatus: string; HoursEst: number | null }

/** An open ticket with a budget and logged time on a recurring job: completing it makes a ProPay. */
async function openWorkedTicket(tenant: Awaited<ReturnType<typeof createTenant>>) {
  const contracts = new Set((await records<{ OpportunityID: number; OpportunityType: string }>(tenant, 'Opportunities')).filter((o) => o.OpportunityType === 'Contract').map((o) => o.OpportunityID))
  const worked = new Set((await records<{ WorkTicketID: number }>(tenant, 'WorkTicketTimes', '?$select=WorkTicketID')).map((t) => t.WorkTicketID))
  const ticket = (await records<Ticket>(tenant, 'WorkTickets')).find((t) => contracts.has(t.OpportunityID) && worked.has(t.WorkTicketID) && (t.HoursEst ?? 0) > 0 && ['Open', 'Scheduled'].includes(t.WorkTicketStatus))
  if (!ticket) throw new Error('the generated tenant has no open, worked contract ticket')
  return ticket
}

const pageSync = (token: string, id: string, json: unknown) => call(`/api/v1/connections/${id}/page-sync`, { method: 'POST', token, json })
const badge = async (token: string, ticketId: number) =>
  MilestoneBadges.parse(await (await call('/api/v1/milestones/badges', { method: 'POST', token, json: { vendor: 'aspire', externalIds: [String(ticketId)] } })).json()).badges[String(ticketId)]
const errorOf = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message

describe('page-triggered sync (POST /connections/:id/page-sync)', () => {
  let queue: SyncMessage[]
  let kicks: Array<{ body: PageSyncKick; delaySeconds?: number }>
  beforeEach(() => {
    queue = captureQueue()
    kicks = []
    // captureQueue keeps sync steps; the delayed kicks of a hint inside the window are kept here.
    const send = vi.mocked(env.SYNC_QUEUE.send)
    const steps = send.getMockImplementation()!
    send.mockImplementation(async (body: QueueMessage, options?: QueueSendOptions) => {
      if (body.kind === 'page-sync') kicks.push({ body, delaySeconds: options?.delaySeconds })
      return steps(body, options)
    })
  })

  async function setUp() {
    const tenant = await createTenant({ size: 'demo', seed: 11 })
    const { token, orgId } = await orgWithAdmin()
    expect((await call('/api/v1/bonus-settings', { method: 'PATCH', token, json: { launchDate: '2000-01-01' } })).status).toBe(200)
    const { id } = await connectAspire(token, tenant)
    await drain(queue)
    return { tenant, token, orgId, id }
  }

  it('should sync at once when a ticket is completed in the page, ending with its ProPay pending review', async () => {
    const s = await setUp()
    const ticket = await openWorkedTicket(s.tenant)
    // The badge the extension shows on the ticket: no ProPay ready before.
    expect((await badge(s.token, ticket.WorkTicketID))?.propay?.approvable ?? false).toBe(false)
    // What Aspire's own page does when the manager clicks Complete; then the extension's hint.
    await control(`/tenants/${s.tenant.clientId}/work-tickets/${ticket.WorkTicketID}/complete`, { json: {} })
    const res = await pageSync(s.token, s.id, { action: 'work_ticket_completed', recordId: String(ticket.WorkTicketID) })
    expect(res.status).toBe(202)
    expect(PageSyncResponse.parse(await res.json())).toEqual({ started: true, runsAt: null, message: 'Syncing this change now.' })
    expect(queue.map((m) => [m.connectionId, m.trigger])).toEqual([[s.id, 'page']])
    await drain(queue)
    // Milestone pending review, its ProPay ready to approve: the badge reads "ProPay · Ready to approve".
    const after = await badge(s.token, ticket.WorkTicketID)
    expect(after?.propay).toMatchObject({ status: 'active', workState: 'complete', approvable: true })
    const { runs } = (await (await call(`/api/v1/connections/${s.id}/runs`, { token: s.token })).json()) as { runs: Array<{ trigger: string; kind: string; status: string }> }
    expect(runs[0]).toMatchObject({ trigger: 'page', kind: 'incremental', status: 'ok' })
  })

  it('should fold hints inside 15 s into one delayed run, and skip it when a run has started since', async () => {
    const s = await setUp()
    expect((await pageSync(s.token, s.id, { action: 'time_changed' })).status).toBe(202)
    const second = PageSyncResponse.parse(await (await pageSync(s.token, s.id, { action: 'material_changed' })).json())
    expect(second.started).toBe(false)
    expect(Date.parse(second.runsAt!) - Date.now()).toBeLessThanOrEqual(15_000)
    expect(kicks).toHaveLength(1)
    expect(kicks[0]!.delaySeconds).toBeGreaterThanOrEqual(1)
    expect(kicks[0]!.delaySeconds).toBeLessThanOrEqual(15)
    // The first hint's run is still queued, not finished; once it has run, the kick finds nothing left to do.
    await drain(queue)
    expect(await runPageSyncKick(env, kicks[0]!.body)).toBe(false)
    // A kick for a hint after the last run started does start one.
    expect(await runPageSyncKick(env, { ...kicks[0]!.body, requestedAt: Date.now() + 1000 }, Date.now() + 1000)).toBe(true)
    expect(queue.map((m) => m.trigger)).toEqual(['page'])
  })

  it('should follow a run that was going when the hint came with another run at once', async () => {
    const s = await setUp()
    await control(`/tenants/${s.tenant.clientId}/work-tickets/${(await openWorkedTicket(s.tenant)).WorkTicketID}/complete`, { json: {} })
    // A scheduled run is under way (its first step has run) when the manager completes the ticket.
    expect((await call(`/api/v1/connections/${s.id}/sync`, { method: 'POST', token: s.token })).status).toBe(202)
    await env.DB.prepare('UPDATE connections SET last_forced_at = NULL WHERE id = ?1').bind(s.id).run()
    const running = queue.shift()!
    const { runSyncStep } = await import('../sync/run-step')
    await runSyncStep(env, running, { maxPages: 1 })
    const hint = PageSyncResponse.parse(await (await pageSync(s.token, s.id, { action: 'work_ticket_completed' })).json())
    expect(hint).toMatchObject({ started: false, runsAt: null })
    queue.unshift(running)
    await drain(queue)
    const { runs } = (await (await call(`/api/v1/connections/${s.id}/runs`, { token: s.token })).json()) as { runs: Array<{ trigger: string; status: string }> }
    expect(runs.slice(0, 2).map((r) => [r.trigger, r.status])).toEqual([
      ['manual', 'ok'],
      ['manual', 'ok'],
    ])
  })

  it('should refuse what it cannot act on, with words, and starting nothing', async () => {
    const s = await setUp()
    const wrongVendor = await pageSync(s.token, s.id, { action: 'shift_changed' })
    expect(wrongVendor.status).toBe(400)
    expect(await errorOf(wrongVendor)).toBe('"shift_changed" is not an action Protiv watches in Aspire; it watches work_ticket_completed, time_changed, material_changed.')
    expect((await pageSync(s.token, s.id, { action: 'work_ticket_completed', recordId: '<img src=x>' })).status).toBe(400)
    expect((await pageSync(s.token, s.id, { action: 'deleted_everything' })).status).toBe(400)
    const worker = await userWithRole(s.token, 'worker')
    expect((await pageSync(worker.token, s.id, { action: 'time_changed' })).status).toBe(403)
    const other = await orgWithAdmin()
    expect((await pageSync(other.token, s.id, { action: 'time_changed' })).status).toBe(404)
    expect((await call(`/api/v1/connections/${s.id}`, { method: 'PATCH', token: s.token, json: { paused: true } })).status).toBe(200)
    const paused = await pageSync(s.token, s.id, { action: 'time_changed' })
    expect(paused.status).toBe(409)
    expect(await errorOf(paused)).toMatch(/paused/)
    expect(queue).toEqual([])
  })
})
