/**
 * Issue #18 against the sandbox: a tenant whose branches span Berlin to Honolulu, work tickets completed from east
 * to west (each later change carries an *earlier* branch-local stamp), every one of them synced by the next cycle,
 * and written exactly once although later passes re-read them in the overlap.
 */
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { MilestoneLookup } from '../../../shared/api/jobs'
import { RunList } from '../../../shared/api/connections'
import { captureQueue, connectAspire, control, createTenant, cronCycle, drain, records, type SandboxTenant } from '../../../tools/test/aspire-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'

const ZONES = ['Europe/Berlin', 'America/New_York', 'America/Chicago', 'America/Denver', 'Pacific/Honolulu'] as const
type Ticket = { WorkTicketID: number; BranchID: number; WorkTicketStatus: string; LastModifiedDateTime: string }
type Branch = { BranchID: number; TimeZone: string }

const q = (filter: string) => `?$filter=${encodeURIComponent(filter)}`

/** One ticket per zone that is still open, so completing it is a real change. */
async function ticketPerZone(tenant: SandboxTenant) {
  const branches = await records<Branch>(tenant, 'Branches')
  const open = await records<Ticket>(tenant, 'WorkTickets', q("WorkTicketStatus ne 'Complete' and WorkTicketStatus ne 'Canceled'"))
  return ZONES.map((zone) => {
    const branch = branches.find((b) => b.TimeZone === zone)!
    const ticket = open.find((t) => t.BranchID === branch.BranchID)
    if (!ticket) throw new Error(`no open ticket in the ${zone} branch`)
    return { zone, id: ticket.WorkTicketID }
  })
}

const complete = async (tenant: SandboxTenant, id: number) => (await control<Ticket>(`/tenants/${tenant.clientId}/work-tickets/${id}/complete`, { json: {} })).LastModifiedDateTime

async function milestone(token: string, id: number) {
  const res = await call(`/api/v1/milestones?vendor=aspire&externalId=${id}`, { token })
  return MilestoneLookup.parse(await res.json()).milestones[0]!.milestone
}

const updatedAt = async (connectionId: string, id: number) =>
  (await env.DB.prepare('SELECT updated_at FROM milestones WHERE connection_id = ?1 AND external_id = ?2').bind(connectionId, String(id)).first<{ updated_at: string }>())!.updated_at

const lastRun = async (token: string, connectionId: string) => RunList.parse(await (await call(`/api/v1/connections/${connectionId}/runs`, { token })).json()).runs[0]!

describe('Aspire changes across branch time zones', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should read every change once, whatever the order of branch-local stamps', async () => {
    const tenant = await createTenant({ seed: 18, size: { branches: ZONES.length, employees: 10, workTickets: 40, timeEntries: 80, days: 10 }, branchZones: [...ZONES] })
    const tickets = await ticketPerZone(tenant)
    const [berlin, ...westward] = tickets
    // Changed before the first sync: the first changes pass continues from the full pass's high-water mark, Berlin's.
    const berlinStamp = await complete(tenant, berlin!.id)
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant, { pageSize: 50 })
    await drain(queue)
    expect((await milestone(token, berlin!.id)).status).toBe('pending_review')

    let now = Date.now()
    const writtenAt = new Map<number, string>()
    const stamps = [berlinStamp]
    for (const { zone, id } of westward) {
      stamps.push(await complete(tenant, id))
      now += 121_000
      expect(await cronCycle(queue, now)).toBe(1)
      expect((await milestone(token, id)).status, `the ${zone} ticket is synced by the next cycle`).toBe('pending_review')
      writtenAt.set(id, await updatedAt(created.id, id))
      expect(await lastRun(token, created.id)).toMatchObject({ status: 'ok', added: 0, deleted: 0 })
    }
    // The scenario is the issue's: every change after the first carries an earlier wall-clock stamp than the one before.
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! < stamps[i - 1]!, `${stamps[i]} is earlier than ${stamps[i - 1]}`).toBe(true)

    // Later cycles re-read those changes in the overlap (unchanged > 0) and write nothing.
    for (let cycle = 0; cycle < 2; cycle++) {
      now += 121_000
      await cronCycle(queue, now)
      const run = await lastRun(token, created.id)
      expect(run).toMatchObject({ status: 'ok', added: 0, updated: 0, deleted: 0 })
      expect(run.unchanged).toBeGreaterThanOrEqual(westward.length)
    }
    for (const { id } of westward) expect(await updatedAt(created.id, id), `ticket ${id} written once`).toBe(writtenAt.get(id))
  })

  it('should keep the pass to the one-zone lag when every branch shares a zone', async () => {
    const tenant = await createTenant({ seed: 19, size: { branches: 2, employees: 4, workTickets: 6, timeEntries: 20, days: 5 }, branchZones: ['America/Denver', 'America/Denver'] })
    const { token } = await orgWithAdmin()
    await connectAspire(token, tenant)
    await drain(queue)
    const [ticket] = await records<Ticket>(tenant, 'WorkTickets', q("WorkTicketStatus ne 'Complete'"))
    const stamp = await complete(tenant, ticket!.WorkTicketID)
    await cronCycle(queue, Date.now() + 121_000)
    await cronCycle(queue, Date.now() + 2 * 121_000)
    const { entries } = await control<{ entries: Array<{ path: string }> }>(`/tenants/${tenant.clientId}/requests`)
    const filters = entries
      .filter((e) => e.path.startsWith('/WorkTickets?'))
      .map((e) => new URL(e.path, 'http://sandbox').searchParams.get('$filter') ?? '')
      .filter((f) => f.startsWith('(LastModifiedDateTime ge '))
    const from = filters.at(-1)!.slice('(LastModifiedDateTime ge '.length, '(LastModifiedDateTime ge '.length + 19)
    // One zone: the commit lag before the cursor, plus an hour only near a DST change; never the 26 h safe spread.
    const overlap = Date.parse(`${stamp}Z`) - Date.parse(`${from}Z`)
    expect(overlap).toBeGreaterThanOrEqual(5 * 60_000)
    expect(overlap).toBeLessThanOrEqual(65 * 60_000)
  })
})
