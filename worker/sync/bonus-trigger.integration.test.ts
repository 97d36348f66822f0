import { env } from 'cloudflare:workers'
import { asc, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { ConnectionView } from '../../shared/api/connections'
import { MilestoneLookup, ReviewQueue } from '../../shared/api/jobs'
import { ProPayDetail, ProPayList } from '../../shared/api/propays'
import { captureQueue, connectAspire, control, createTenant, cronCycle, drain, fast, records } from '../../tools/test/aspire-sandbox'
import { call, orgWithAdmin } from '../../tools/test/fixtures'
import { createDb } from '../db/client'
import { propays, propaySyncPasses, syncRuns } from '../db/schema'
import type { SyncMessage } from './queue-messages'
import { runSyncStep } from './run-step'

type Ticket = { WorkTicketID: number; OpportunityID: number; WorkTicketStatus: string; HoursEst: number | null }
type Opportunity = { OpportunityID: number; OpportunityType: string }

/** A recurring (Contract) job's open ticket with a budget and logged time: one ProPay per visit. */
async function openContractTicket(tenant: Awaited<ReturnType<typeof createTenant>>) {
  const contracts = new Set((await records<Opportunity>(tenant, 'Opportunities')).filter((o) => o.OpportunityType === 'Contract').map((o) => o.OpportunityID))
  const times = await records<{ WorkTicketID: number }>(tenant, 'WorkTicketTimes', '?$select=WorkTicketID')
  const worked = new Set(times.map((t) => t.WorkTicketID))
  const tickets = await records<Ticket>(tenant, 'WorkTickets')
  const ticket = tickets.find((t) => contracts.has(t.OpportunityID) && worked.has(t.WorkTicketID) && (t.HoursEst ?? 0) > 0 && ['Open', 'Scheduled'].includes(t.WorkTicketStatus))
  if (!ticket) throw new Error('the generated tenant has no open, worked contract ticket')
  return ticket
}

const milestone = async (token: string, ticketId: number) =>
  MilestoneLookup.parse(await (await call(`/api/v1/milestones?vendor=aspire&externalId=${ticketId}`, { token })).json()).milestones[0]!.milestone

const propayCount = async () => (await env.DB.prepare('SELECT count(*) AS n FROM propays').first<{ n: number }>())!.n

describe('work ticket Complete in Aspire → Pending Review → ProPay', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  async function setUp() {
    const tenant = await createTenant({ size: 'demo', seed: 11 })
    const { token } = await orgWithAdmin()
    const launch = await call('/api/v1/bonus-settings', { method: 'PATCH', token, json: { launchDate: '2000-01-01' } })
    expect(launch.status).toBe(200)
    const connection = await connectAspire(token, tenant)
    await drain(queue)
    return { tenant, token, connectionId: connection.id }
  }

  it('should move the milestone to pending review and put its ProPay in the review queue within one cycle, once', async () => {
    const s = await setUp()
    const ticket = await openContractTicket(s.tenant)
    const before = await milestone(s.token, ticket.WorkTicketID)
    expect(before.status).not.toBe('pending_review')
    expect(before.propay?.approvable ?? false).toBe(false)

    await control(`/tenants/${s.tenant.clientId}/work-tickets/${ticket.WorkTicketID}/complete`, { json: {} })
    await cronCycle(queue, Date.now() + 121_000)

    const after = await milestone(s.token, ticket.WorkTicketID)
    expect(after.status).toBe('pending_review')
    expect(after.propay).not.toBeNull()
    const queueView = ReviewQueue.parse(await (await call('/api/v1/review-queue', { token: s.token })).json())
    expect(queueView.milestones.map((m) => m.milestone.externalId)).toContain(String(ticket.WorkTicketID))
    const ready = queueView.readyToApprove.find((p) => p.id === after.propay!.id)
    expect(ready, 'the ProPay is ready to approve').toBeDefined()
    const detail = ProPayDetail.parse(await (await call(`/api/v1/propays/${after.propay!.id}`, { token: s.token })).json())
    expect(detail.breakdown!.actual.costCents).toBeGreaterThan(0)
    expect(detail.breakdown!.budget).toBeDefined()

    const count = await propayCount()
    await cronCycle(queue, Date.now() + 2 * 121_000)
    await cronCycle(queue, Date.now() + 3 * 121_000)
    expect(await propayCount()).toBe(count)
  })

  it('should follow a re-opened ticket back before approval', async () => {
    const s = await setUp()
    const ticket = await openContractTicket(s.tenant)
    await control(`/tenants/${s.tenant.clientId}/work-tickets/${ticket.WorkTicketID}/complete`, { json: {} })
    await cronCycle(queue, Date.now() + 121_000)
    expect((await milestone(s.token, ticket.WorkTicketID)).propay!.approvable).toBe(true)
    await control(`/tenants/${s.tenant.clientId}/work-tickets/${ticket.WorkTicketID}/uncomplete`, { json: {} })
    await cronCycle(queue, Date.now() + 2 * 121_000)
    const reopened = await milestone(s.token, ticket.WorkTicketID)
    expect(reopened.status).not.toBe('pending_review')
    expect(reopened.propay!.approvable).toBe(false)
    expect(reopened.propay!.status).toBe('active')
  })

  it('should carry a wage change in Aspire into active ProPays and never into approved ones', async () => {
    const s = await setUp()
    const detail = async (id: string) => ProPayDetail.parse(await (await call(`/api/v1/propays/${id}`, { token: s.token })).json())
    // A worker with time on two visit ProPays: one gets approved (frozen), the other stays active.
    const { propays } = ProPayList.parse(await (await call('/api/v1/propays?status=active', { token: s.token })).json())
    const byWorker = new Map<string, ProPayDetail[]>()
    for (const p of propays.filter((p) => p.kind === 'milestone')) {
      const d = await detail(p.id)
      for (const w of d.breakdown?.workers ?? []) if (w.seconds > 0) byWorker.set(w.workerId, [...(byWorker.get(w.workerId) ?? []), d])
    }
    const [workerId, pair] = [...byWorker].find(([, list]) => list.length >= 2) ?? []
    if (!workerId || !pair) throw new Error('no worker with time on two visit ProPays in the seeded tenant')
    const [active, toApprove] = pair as [ProPayDetail, ProPayDetail]
    await control(`/tenants/${s.tenant.clientId}/work-tickets/${toApprove.milestone!.externalId}/complete`, { json: {} })
    await cronCycle(queue, Date.now() + 121_000)
    const approve = await call(`/api/v1/propays/${toApprove.id}/approve`, { method: 'POST', token: s.token, json: {} })
    expect(approve.status, await approve.clone().text()).toBe(200)
    const approvedId = toApprove.id
    const frozen = await detail(approvedId)
    const activeBefore = await detail(active.id)

    // A raise effective before all their work, replacing every other rate of theirs.
    const rates = await records<{ PayRateID: number }>(s.tenant, 'PayRates', `?$filter=ContactID eq ${workerId}`)
    for (const r of rates) await control(`/tenants/${s.tenant.clientId}/records/PayRates/${r.PayRateID}`, { method: 'DELETE' })
    await control(`/tenants/${s.tenant.clientId}/pay-rates`, { method: 'PUT', json: { ContactID: Number(workerId), EffectiveDate: '2000-01-01T00:00:00', HourlyBasePay: 99.5 } })
    await cronCycle(queue, Date.now() + 2 * 121_000)

    const updated = await detail(active.id)
    expect(updated.breakdown!.workers.find((w) => w.workerId === workerId)!.wageCentsPerHour).toBe(9950)
    expect(updated.breakdown!.actual.costCents).toBeGreaterThan(activeBefore.breakdown!.actual.costCents)
    const after = await detail(approvedId)
    expect(after.status).toBe('approved')
    expect(after.breakdown!.actual.costCents).toBe(frozen.breakdown!.actual.costCents)
    const frozenWage = frozen.breakdown!.workers.find((w) => w.workerId === workerId)!.wageCentsPerHour
    expect(frozenWage).not.toBe(9950)
    expect(after.breakdown!.workers.find((w) => w.workerId === workerId)!.wageCentsPerHour).toBe(frozenWage)
  })
})

describe('the bonus pass after a pull, bounded by the step budget', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  const db = () => createDb(env.DB)

  async function launchedConnection(tenant: Awaited<ReturnType<typeof createTenant>>) {
    const { token } = await orgWithAdmin()
    expect((await call('/api/v1/bonus-settings', { method: 'PATCH', token, json: { launchDate: '2000-01-01' } })).status).toBe(200)
    const connection = await connectAspire(token, tenant)
    return { token, connectionId: connection.id }
  }

  /** What the pass decided for each ProPay of the connection, ids and times aside. */
  const outcome = async (connectionId: string) =>
    (await db().select().from(propays).where(eq(propays.connectionId, connectionId)).orderBy(asc(propays.jobExternalId), asc(propays.milestoneExternalId))).map((r) => ({
      job: r.jobExternalId,
      milestone: r.milestoneExternalId,
      status: r.status,
      budgetSource: r.budgetSource,
      inputHash: r.inputHash,
      breakdown: r.breakdown,
      calculationIssues: r.calculationIssues,
    }))

  it('should go on in the next steps when cut after each round, keep the run open meanwhile, and end with the ProPays an uncut pass gives', async () => {
    const tenant = await createTenant({ size: 'demo', seed: 11 })
    const uncut = await launchedConnection(tenant)
    await drain(queue)
    const cut = await launchedConnection(tenant)
    const message = queue.shift()!
    expect(message.connectionId).toBe(cut.connectionId)
    let bonusSteps = 0
    let lastDone = 0
    for (let step = 0; ; step++) {
      if (step > 500) throw new Error('the sync did not finish')
      // No own time for the bonus pass beyond the first round of each step: one round of 3 jobs a step.
      const result = await runSyncStep(env, message, { ...fast, bonus: { jobsPerRound: 3, budgetMs: 0 } })
      if (result.next !== 'continue') break
      const [pass] = await db().select().from(propaySyncPasses).where(eq(propaySyncPasses.connectionId, cut.connectionId))
      if (!pass) continue
      bonusSteps++
      expect(pass.jobsDone).toBe(lastDone + 3)
      lastDone = pass.jobsDone
      const view = ConnectionView.parse(await (await call(`/api/v1/connections/${cut.connectionId}`, { token: cut.token })).json())
      expect(view.status).toBe('syncing')
      expect(view.percent).toBeLessThan(100)
      expect(view.statusText).toBe(`First sync in progress: data synced, updating ProPays (${pass.jobsDone} of ${pass.jobsTotal} jobs).`)
      const [run] = await db().select().from(syncRuns).where(eq(syncRuns.connectionId, cut.connectionId))
      expect(run!.status).toBe('running')
    }
    expect(bonusSteps).toBeGreaterThan(2)
    const [run] = await db().select().from(syncRuns).where(eq(syncRuns.connectionId, cut.connectionId))
    expect(run!.status).toBe('ok')
    expect(await db().select().from(propaySyncPasses).where(eq(propaySyncPasses.connectionId, cut.connectionId))).toEqual([])
    const expected = await outcome(uncut.connectionId)
    expect(expected.length).toBeGreaterThan(3)
    expect(await outcome(cut.connectionId)).toEqual(expected)
  })
})
