import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { ConnectionView, RunList } from '../../../shared/api/connections'
import {
  captureQueue,
  connectAspire,
  control,
  createTenant,
  cronCycle,
  drain,
  liveCount,
  records,
  type SandboxTenant,
  sandboxUrl,
  totalCount,
} from '../../../tools/test/aspire-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'
import { runSyncStep } from '../../sync/run-step'
import { PRESENCE_EVERY_MS } from './pass-cursor'

/** Our table ↔ the sandbox's entity set, with how many of the sandbox's rows we should hold. */
async function expectedCounts(tenant: SandboxTenant) {
  const employees = await records(tenant, 'Contacts', `?$filter=${encodeURIComponent("ContactTypeName eq 'Employee'")}&$select=ContactID`)
  const { counts } = await control<{ counts: Record<string, number> }>(`/tenants/${tenant.clientId}`)
  return {
    branches: counts.Branches,
    routes: counts.Routes,
    clients: counts.Properties,
    workers: employees.length,
    wages: counts.PayRates,
    jobs: counts.Opportunities,
    milestones: counts.WorkTickets,
    budgets: counts.WorkTicketItems,
    time_entries: counts.WorkTicketTimes,
    material_allocations: counts.ItemAllocations,
  }
}

async function ourCounts(connectionId: string) {
  const tables = ['branches', 'routes', 'clients', 'workers', 'wages', 'jobs', 'milestones', 'budgets', 'time_entries', 'material_allocations'] as const
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await liveCount(t, connectionId)] as const)))
}

/** Every table holds exactly the sandbox's records: none lost, none duplicated. */
async function expectMirrors(tenant: SandboxTenant, connectionId: string) {
  expect(await ourCounts(connectionId)).toEqual(await expectedCounts(tenant))
  for (const table of ['time_entries', 'milestones', 'wages']) {
    const { n, d } = await totalCount(table, connectionId)
    expect(n, `${table} has one row per vendor id`).toBe(d)
  }
}

const connection = async (token: string, id: string) => ConnectionView.parse(await (await call(`/api/v1/connections/${id}`, { token })).json())

describe('Aspire sync against the sandbox', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should complete the first sync with counts equal to the sandbox', async () => {
    const tenant = await createTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant, { pageSize: 100 })
    // The first sync is under way from the moment the connection is saved.
    expect(created).toMatchObject({ status: 'syncing', firstSync: true, statusText: 'First sync in progress.' })
    expect(queue).toHaveLength(1)
    expect(queue[0]!.trigger).toBe('initial')
    await drain(queue)
    await expectMirrors(tenant, created.id)
    const view = await connection(token, created.id)
    expect(view).toMatchObject({ status: 'ok', statusText: 'Up to date.', firstSync: false, lastError: null })
    expect(view.streams.every((s) => s.status === 'ok' && s.phase === 'Up to date')).toBe(true)
    const { runs } = RunList.parse(await (await call(`/api/v1/connections/${created.id}/runs`, { token })).json())
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ kind: 'backfill', status: 'ok', trigger: 'initial', updated: 0, deleted: 0 })
    expect(runs[0]!.added).toBeGreaterThan(600)
  })

  it('should report readable progress during the first sync', async () => {
    const tenant = await createTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant, { pageSize: 50 })
    const message = queue.shift()!
    let sawPartialProgress = false
    for (let step = 0; step < 200; step++) {
      const result = await runSyncStep(env, message, { maxPages: 1 })
      const view = await connection(token, created.id)
      if (result.next === 'done') break
      expect(view.status).toBe('syncing')
      expect(view.statusText).toMatch(/^First sync in progress/)
      if (view.percent !== null && view.percent > 0 && view.percent < 100) sawPartialProgress = true
      const times = view.streams.find((s) => s.name === 'WorkTicketTimes')!
      if (times.phase === 'Backfilling' && times.percent !== null && times.percent > 0 && times.percent < 100) expect(times.recordsThisPass).toBeGreaterThan(0)
    }
    expect(sawPartialProgress).toBe(true)
    expect((await connection(token, created.id)).status).toBe('ok')
  })

  it('should show changes within one scheduled cycle and silent deletions within the hour, without duplicates', async () => {
    const tenant = await createTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant)
    await drain(queue)
    const [time] = await records<{ WorkTicketTimeID: number; Hours: number }>(tenant, 'WorkTicketTimes', '?$top=1&$orderby=WorkTicketTimeID desc')
    const [victim] = await records<{ WorkTicketTimeID: number }>(tenant, 'WorkTicketTimes', '?$top=1&$orderby=WorkTicketTimeID asc')
    const [rate] = await records<{ PayRateID: number }>(tenant, 'PayRates', '?$top=1')
    const [opportunity] = await records<{ OpportunityID: number }>(tenant, 'Opportunities', '?$top=1')
    await control(`/tenants/${tenant.clientId}/records/WorkTicketTimes/${time!.WorkTicketTimeID}`, { method: 'PATCH', json: { Hours: 7.25 } })
    await control(`/tenants/${tenant.clientId}/records/WorkTicketTimes/${victim!.WorkTicketTimeID}`, { method: 'DELETE' })
    await control(`/tenants/${tenant.clientId}/records/PayRates/${rate!.PayRateID}`, { method: 'DELETE' })
    await control(`/tenants/${tenant.clientId}/records/Opportunities/${opportunity!.OpportunityID}`, { method: 'PATCH', json: { OpportunityName: 'Renamed <b>HOA</b>' } })
    const deletedAt = async (id: number) =>
      (await env.DB.prepare('SELECT deleted_at FROM time_entries WHERE connection_id = ?1 AND external_id = ?2').bind(created.id, String(id)).first<{ deleted_at: string | null }>())!.deleted_at

    // The next scheduled cycle, once the connection's cadence (2 min) has passed, brings the changes.
    const start = Date.now()
    expect(await cronCycle(queue, start + 121_000)).toBe(1)
    const seconds = await env.DB.prepare('SELECT duration_seconds FROM time_entries WHERE connection_id = ?1 AND external_id = ?2')
      .bind(created.id, String(time!.WorkTicketTimeID))
      .first<{ duration_seconds: number }>()
    expect(seconds!.duration_seconds).toBe(26100)
    const job = await env.DB.prepare('SELECT name FROM jobs WHERE connection_id = ?1 AND external_id = ?2').bind(created.id, String(opportunity!.OpportunityID)).first<{ name: string }>()
    expect(job!.name).toBe('Renamed <b>HOA</b>')
    expect(await deletedAt(victim!.WorkTicketTimeID), 'deletions of time wait for the hourly presence pass').toBeNull()
    // Wages are read complete every cycle: the removed rate goes at once.
    const wage = await env.DB.prepare('SELECT deleted_at FROM wages WHERE connection_id = ?1 AND external_id = ?2').bind(created.id, String(rate!.PayRateID)).first<{ deleted_at: string | null }>()
    expect(wage!.deleted_at).not.toBeNull()
    const changed = RunList.parse(await (await call(`/api/v1/connections/${created.id}/runs`, { token })).json()).runs[0]!
    expect(changed).toMatchObject({ kind: 'incremental', status: 'ok', added: 0, deleted: 1 })
    expect(changed.updated).toBeGreaterThanOrEqual(2)

    // The first cycle an hour after the backfill's presence pass finds the deleted time entry.
    expect(await cronCycle(queue, start + PRESENCE_EVERY_MS + 121_000)).toBe(1)
    await expectMirrors(tenant, created.id)
    expect(await deletedAt(victim!.WorkTicketTimeID)).not.toBeNull()
    const { runs } = RunList.parse(await (await call(`/api/v1/connections/${created.id}/runs`, { token })).json())
    expect(runs[0]).toMatchObject({ kind: 'incremental', status: 'ok', added: 0, updated: 0, deleted: 1 })

    // Syncing again changes nothing.
    expect(await cronCycle(queue, start + PRESENCE_EVERY_MS + 2 * 121_000)).toBe(1)
    await expectMirrors(tenant, created.id)
    const again = RunList.parse(await (await call(`/api/v1/connections/${created.id}/runs`, { token })).json()).runs[0]!
    expect(again).toMatchObject({ status: 'ok', added: 0, updated: 0, deleted: 0 })
  })

  it('should pick up a record added through the Aspire API', async () => {
    const tenant = await createTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant)
    await drain(queue)
    const [ticket] = await records<{ WorkTicketID: number }>(tenant, 'WorkTickets', '?$top=1')
    const [employee] = await records<{ ContactID: number }>(tenant, 'Contacts', `?$top=1&$filter=${encodeURIComponent("ContactTypeName eq 'Employee'")}`)
    const auth = await fetch(`${sandboxUrl()}/Authorization`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ClientId: tenant.clientId, Secret: tenant.secret }),
    })
    const { Token } = (await auth.json()) as { Token: string }
    const start = new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 19)
    const end = new Date(Date.now() - 3600_000).toISOString().slice(0, 19)
    const posted = await fetch(`${sandboxUrl()}/WorkTicketTimes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${Token}` },
      body: JSON.stringify({ WorkTicketID: ticket!.WorkTicketID, ContactID: employee!.ContactID, StartTime: start, EndTime: end }),
    })
    expect(posted.status).toBe(200)
    await cronCycle(queue, Date.now() + 121_000)
    await expectMirrors(tenant, created.id)
  })

  it('should converge to exactly the sandbox through 429 bursts, 5xx and truncated pages', async () => {
    const tenant = await createTenant({ size: 'demo', config: { retryAfter: true } })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant, { pageSize: 100 })
    await control(`/tenants/${tenant.clientId}/faults`, {
      json: [
        { kind: 'status', status: 429, count: 3 },
        { kind: 'status', status: 503, path: '/WorkTicketTimes', count: 2 },
        { kind: 'truncate', path: '/WorkTicketTimes', page: 1, keep: 3, count: 2 },
        { kind: 'html', status: 502, path: '/WorkTickets', count: 1 },
      ],
    })
    await drain(queue)
    // Whatever the first run ended as, later cycles finish the job from the checkpoints.
    for (let cycle = 1; cycle <= 3 && (await connection(token, created.id)).status !== 'ok'; cycle++) await cronCycle(queue, Date.now() + cycle * 121_000)
    await expectMirrors(tenant, created.id)
    const deletedAny = await env.DB.prepare('SELECT count(*) AS n FROM time_entries WHERE connection_id = ?1 AND deleted_at IS NOT NULL').bind(created.id).first<{ n: number }>()
    expect(deletedAny!.n, 'a truncated page must never look like deletions').toBe(0)
  })

  it('should end a run partial when Aspire stays down, keep its data, and resume from the checkpoint', async () => {
    const tenant = await createTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    await control(`/tenants/${tenant.clientId}/faults`, { json: { kind: 'status', status: 500, path: '/WorkTicketTimes', count: 50 } })
    const created = await connectAspire(token, tenant, { pageSize: 100 })
    await drain(queue)
    const partial = await connection(token, created.id)
    expect(partial.status).toBe('partial')
    expect(partial.statusText).toMatch(/It retries automatically/)
    expect(partial.streams.find((s) => s.name === 'WorkTicketTimes')!.status).toBe('partial')
    expect(await liveCount('milestones', created.id)).toBeGreaterThan(0)
    await control(`/tenants/${tenant.clientId}/faults`, { method: 'DELETE' })
    await cronCycle(queue, Date.now() + 61_000)
    await expectMirrors(tenant, created.id)
    expect((await connection(token, created.id)).status).toBe('ok')
  })

  it('should record no presence on a first pass over nothing held, yet delete on a first pass over rows already held', async () => {
    const tenant = await createTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant, { pageSize: 50 })
    const message = queue.shift()!
    const seenRows = async () => (await env.DB.prepare('SELECT count(*) AS n FROM sync_seen WHERE connection_id = ?1').bind(created.id).first<{ n: number }>())!.n
    for (let step = 0; step < 200; step++) {
      const result = await runSyncStep(env, message, { maxPages: 1 })
      expect(await seenRows(), 'nothing held before the first pass: nothing to delete, nothing recorded').toBe(0)
      if (result.next === 'done') break
    }
    await expectMirrors(tenant, created.id)
    // A stream whose first pass starts over rows it already holds (say its backfill was reset): what it no longer finds goes.
    const [victim] = await records<{ WorkTicketTimeID: number }>(tenant, 'WorkTicketTimes', '?$top=1&$orderby=WorkTicketTimeID asc')
    await control(`/tenants/${tenant.clientId}/records/WorkTicketTimes/${victim!.WorkTicketTimeID}`, { method: 'DELETE' })
    await env.DB.prepare("UPDATE sync_streams SET backfilled = 0, checkpoint = NULL, cursor = NULL WHERE connection_id = ?1 AND stream = 'WorkTicketTimes'").bind(created.id).run()
    await cronCycle(queue, Date.now() + 121_000)
    const gone = await env.DB.prepare('SELECT deleted_at FROM time_entries WHERE connection_id = ?1 AND external_id = ?2').bind(created.id, String(victim!.WorkTicketTimeID)).first<{ deleted_at: string | null }>()
    expect(gone!.deleted_at).not.toBeNull()
    await expectMirrors(tenant, created.id)
  })

  it('should resume after the consumer dies between a stored page and the next step', async () => {
    const tenant = await createTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant, { pageSize: 5 })
    const message = queue.shift()!
    // Three steps of one page each, then the isolate "dies": its next step is never enqueued.
    for (let i = 0; i < 3; i++) expect((await runSyncStep(env, message, { maxPages: 1 })).next).toBe('continue')
    const before = await env.DB.prepare('SELECT checkpoint FROM sync_streams WHERE connection_id = ?1 AND checkpoint IS NOT NULL').bind(created.id).all()
    expect(before.results.length).toBeGreaterThan(0)
    // Nobody else can take it while the lease runs; after it lapses the cron reclaims the run.
    expect(await cronCycle(queue, Date.now() + 30_000)).toBe(0)
    expect(await cronCycle(queue, Date.now() + 3 * 60_000)).toBe(1)
    await expectMirrors(tenant, created.id)
    const { runs } = RunList.parse(await (await call(`/api/v1/connections/${created.id}/runs`, { token })).json())
    expect(runs).toHaveLength(1)
    expect(runs[0]!.status).toBe('ok')
  })

  it('should ask for a relink, keeping the data, when Aspire stops accepting the key', async () => {
    const tenant = await createTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant)
    await drain(queue)
    await control(`/tenants/${tenant.clientId}`, { method: 'DELETE' })
    await cronCycle(queue, Date.now() + 121_000)
    const view = await connection(token, created.id)
    expect(view.status).toBe('relink_needed')
    expect(view.statusText).toMatch(/did not accept this Client ID and Secret.*Reconnect/)
    expect(view.nextRunAt).toBeNull()
    expect(await liveCount('milestones', created.id)).toBeGreaterThan(0)
    expect(await cronCycle(queue, Date.now() + 3600_000)).toBe(0)
  })

  it('should refuse wrong credentials at connect time with a message a person can act on', async () => {
    const tenant = await createTenant({ size: 'empty' })
    const { token } = await orgWithAdmin()
    const res = await call('/api/v1/connections', {
      method: 'POST',
      token,
      json: { vendor: 'aspire', credentials: { clientId: tenant.clientId, secret: 'wrong' }, settings: { syncStartDate: '2026-01-01', baseUrl: sandboxUrl() } },
    })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Administration → Application → API/)
    expect(queue).toHaveLength(0)
    expect((await env.DB.prepare('SELECT count(*) AS n FROM connections').first<{ n: number }>())!.n).toBe(0)
  })
})
