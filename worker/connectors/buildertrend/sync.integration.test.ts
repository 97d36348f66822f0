import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { ConnectionView, RunList } from '../../../shared/api/connections'
import { HUMAN_CHECK } from './auth'
import { DATE_FILTER_IGNORED, UNUSED_TIME_CLOCK } from './streams/time-clock-stream'
import { captureQueue, cronCycle, drain, liveCount, totalCount } from '../../../tools/test/aspire-sandbox'
import { type BtTenant, btControl, btRecords, connectBuildertrend, createBtTenant } from '../../../tools/test/buildertrend-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'
import { slotDue } from './streams/job-changes'
import { runSyncStep } from '../../sync/run-step'

type Shift = { id: number; userID: number; rate: string | null; jobId: number | null; date: { date: string }; regularTime: number; overTime: number; doubleOverTime: number; timeOut: unknown; costCodes: Array<{ id: number }> }
type Budget = { jobId: number; costCategories: Array<{ costCodes: Array<{ id: number; title: string; originalBudgetCosts: number }> }> }
type Sheet = { jobId: number; formatData: Array<{ lineItems: Line[]; subGroups: Array<{ lineItems: Line[] }> }> }
type Line = { lineItemType: number; unit: string; costCodeTitle: string }

/** What we should hold, computed from the sandbox's own records. */
async function expectedCounts(tenant: BtTenant) {
  const { counts } = await btControl<BtTenant>(`/tenants/${tenant.id}`)
  const shifts = await btRecords<Shift>(tenant, 'shifts')
  const budgets = await btRecords<Budget>(tenant, 'budgets')
  const sheets = await btRecords<Sheet>(tenant, 'worksheets')
  const codes = new Set([...shifts.flatMap((s) => s.costCodes.map((c) => c.id)), ...budgets.flatMap((b) => b.costCategories.flatMap((k) => k.costCodes.map((c) => c.id)))])
  const budgetLines = new Set<string>()
  for (const b of budgets) for (const c of b.costCategories.flatMap((k) => k.costCodes)) if (c.originalBudgetCosts > 0) budgetLines.add(`${b.jobId}:${c.title}`)
  for (const s of sheets) for (const l of s.formatData.flatMap((g) => [...g.lineItems, ...g.subGroups.flatMap((x) => x.lineItems)])) if (l.lineItemType === 10 && l.unit === 'HR') budgetLines.add(`${s.jobId}:${l.costCodeTitle}`)
  return {
    jobs: counts.jobs,
    milestones: counts.jobs,
    time_entries: counts.allocations,
    workers: counts.users,
    wages: new Set(shifts.map((s) => `${s.userID}:${s.rate}`)).size,
    cost_codes: codes.size,
    budgets: budgetLines.size,
  }
}

async function ourCounts(connectionId: string) {
  const tables = ['jobs', 'milestones', 'time_entries', 'workers', 'wages', 'cost_codes', 'budgets'] as const
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await liveCount(t, connectionId)] as const)))
}

async function expectMirrors(tenant: BtTenant, connectionId: string) {
  expect(await ourCounts(connectionId)).toEqual(await expectedCounts(tenant))
  for (const table of ['time_entries', 'jobs', 'milestones', 'wages']) {
    const { n, d } = await totalCount(table, connectionId)
    expect(n, `${table} has one row per vendor id`).toBe(d)
  }
}

const connection = async (token: string, id: string) => ConnectionView.parse(await (await call(`/api/v1/connections/${id}`, { token })).json())
const runs = async (token: string, id: string) => RunList.parse(await (await call(`/api/v1/connections/${id}/runs`, { token })).json()).runs
const row = <T>(sql: string, ...binds: unknown[]) => env.DB.prepare(sql).bind(...binds).first<T>()
/** After the connection's 15-minute cadence. */
const later = (cycles: number) => Date.now() + cycles * 901_000

describe('Buildertrend sync against the sandbox', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should complete the first sync with counts equal to the sandbox and every quirk mapped', async () => {
    const tenant = await createBtTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant, { pageSize: 100 })
    expect(created).toMatchObject({ frequencySeconds: 900, accountLabel: `Buildertrend: ${tenant.builderName}` })
    await drain(queue)
    await expectMirrors(tenant, created.id)
    const view = await connection(token, created.id)
    expect(view).toMatchObject({ status: 'ok', lastError: null })
    expect(view.streams.map((s) => [s.name, s.status, s.notice])).toEqual([
      ['Jobs', 'ok', null],
      ['JobMilestones', 'ok', null],
      ['TimeClock', 'ok', null],
      ['Budgets', 'ok', null],
    ])
    const [run] = await runs(token, created.id)
    expect(run).toMatchObject({ kind: 'backfill', status: 'ok', updated: 0, deleted: 0 })

    const shifts = await btRecords<Shift>(tenant, 'shifts')
    const split = shifts.find((s) => s.costCodes.length > 1 && s.timeOut)!
    const parts = await env.DB.prepare('SELECT external_id, duration_seconds FROM time_entries WHERE connection_id = ?1 AND external_id LIKE ?2 ORDER BY external_id')
      .bind(created.id, `${split.id}:%`)
      .all<{ external_id: string; duration_seconds: number }>()
    expect(parts.results.map((p) => p.external_id).sort()).toEqual(split.costCodes.map((c) => `${split.id}:${c.id}`).sort())
    expect(parts.results.reduce((n, p) => n + p.duration_seconds, 0)).toBe((split.regularTime + split.overTime + split.doubleOverTime) * 60)
    const general = shifts.find((s) => s.jobId === null)!
    expect(await row('SELECT job_external_id AS job FROM time_entries WHERE connection_id = ?1 AND external_id LIKE ?2', created.id, `${general.id}%`)).toEqual({ job: null })
    const open = shifts.find((s) => s.timeOut === null)
    if (open) expect(await row('SELECT approval, end_at AS endAt FROM time_entries WHERE connection_id = ?1 AND external_id LIKE ?2', created.id, `${open.id}%`)).toEqual({ approval: 'provisional', endAt: null })
    const closed = await row<{ n: number }>("SELECT count(*) AS n FROM milestones WHERE connection_id = ?1 AND status = 'pending_review'", created.id)
    expect(closed!.n).toBeGreaterThan(0)
  })

  it('should report progress during the first sync', async () => {
    const tenant = await createBtTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant, { pageSize: 50 })
    const message = queue.shift()!
    let sawPartial = false
    for (let step = 0; step < 300; step++) {
      const result = await runSyncStep(env, message, { maxPages: 1 })
      if (result.next === 'done') break
      const view = await connection(token, created.id)
      expect(view.status).toBe('syncing')
      const time = view.streams.find((s) => s.name === 'TimeClock')!
      if (time.percent !== null && time.percent > 0 && time.percent < 100) sawPartial = true
    }
    expect(sawPartial).toBe(true)
    expect((await connection(token, created.id)).status).toBe('ok')
  })

  it('should show silent edits, additions and deletions inside the window after the next cycle, without duplicates', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant)
    await drain(queue)
    const shifts = (await btRecords<Shift>(tenant, 'shifts')).filter((s) => s.timeOut && s.costCodes.length === 1)
    const [edited, victim] = [shifts.at(-1)!, shifts.at(-2)!]
    const [job] = await btRecords<{ jobId: number }>(tenant, 'jobs')
    await btControl(`/tenants/${tenant.id}/records/shifts/${edited.id}`, { method: 'PATCH', json: { regularTime: 435, overTime: 0, doubleOverTime: 0 } })
    await btControl(`/tenants/${tenant.id}/records/shifts/${victim.id}`, { method: 'DELETE' })
    await btControl(`/tenants/${tenant.id}/records/jobs/${job!.jobId}`, { method: 'PATCH', json: { jobName: 'Renamed <b>job</b>', contractPrice: '$12,345.50' } })
    const today = new Date().toISOString().slice(0, 10)
    await btControl(`/tenants/${tenant.id}/records/shifts`, { json: { userID: 7100, name: 'New Hire', rate: 31.5, jobId: job!.jobId, date: today, inMinutes: 60, spanMinutes: 120, approved: true, costCodes: [{ id: 1003, costCodeTitle: '03 Concrete', totalMinutes: 120 }] } })

    expect(await cronCycle(queue, later(1))).toBe(1)
    await expectMirrors(tenant, created.id)
    expect(await row('SELECT duration_seconds AS s FROM time_entries WHERE connection_id = ?1 AND external_id = ?2', created.id, String(edited.id))).toEqual({ s: 26100 })
    expect(await row('SELECT deleted_at IS NOT NULL AS gone FROM time_entries WHERE connection_id = ?1 AND external_id = ?2', created.id, String(victim.id))).toEqual({ gone: 1 })
    expect(await row('SELECT name, contract_price_cents AS cents FROM jobs WHERE connection_id = ?1 AND external_id = ?2', created.id, String(job!.jobId))).toEqual({ name: 'Renamed <b>job</b>', cents: 1234550 })
    expect(await row('SELECT hourly_cents AS cents, effective_date AS since FROM wages WHERE connection_id = ?1 AND worker_external_id = ?2', created.id, '7100')).toEqual({ cents: 3150, since: today })
    const [run] = await runs(token, created.id)
    expect(run).toMatchObject({ kind: 'incremental', status: 'ok', deleted: 1 })
    expect(run!.added).toBeGreaterThanOrEqual(3)

    expect(await cronCycle(queue, later(2))).toBe(1)
    await expectMirrors(tenant, created.id)
    expect((await runs(token, created.id))[0]).toMatchObject({ status: 'ok', added: 0, updated: 0, deleted: 0 })
  })

  it.each(['relogin', 'redirect', 'html', 'cleared'] as const)('should sign in again when the session ends mid-sync (%s) and converge without loss', async (mode) => {
    const tenant = await createBtTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant, { pageSize: 50 })
    await btControl(`/tenants/${tenant.id}/expire-sessions`, { json: { mode, afterRequests: 12 } })
    await drain(queue)
    await expectMirrors(tenant, created.id)
    expect((await connection(token, created.id)).status).toBe('ok')
    const { requests } = await btControl<{ requests: Array<{ ended?: string }> }>(`/tenants/${tenant.id}/requests`)
    expect(requests.filter((r) => r.ended === mode)).toHaveLength(1)
    expect(await runs(token, created.id)).toMatchObject([{ status: 'ok' }])
  })

  it('should ask for a relink, keeping the data, when the session ends and the password no longer works', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant)
    await drain(queue)
    await btControl(`/tenants/${tenant.id}`, { method: 'PATCH', json: { password: 'changed-by-someone' } })
    await btControl(`/tenants/${tenant.id}/expire-sessions`, { json: { mode: 'relogin' } })
    await cronCycle(queue, later(1))
    const view = await connection(token, created.id)
    expect(view.status).toBe('relink_needed')
    expect(view.statusText).toMatch(/did not accept this username and password/)
    expect(view.nextRunAt).toBeNull()
    expect(await liveCount('time_entries', created.id)).toBeGreaterThan(0)
  })

  it('should ask a person to sign in at Buildertrend when the session ends and Auth0 then wants a captcha', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant)
    await drain(queue)
    await btControl(`/tenants/${tenant.id}/captcha`, { method: 'PUT', json: { on: true } })
    await btControl(`/tenants/${tenant.id}/expire-sessions`, { json: { mode: 'cleared' } })
    await cronCycle(queue, later(1))
    const view = await connection(token, created.id)
    expect(view.status).toBe('relink_needed')
    expect(view.statusText).toContain(HUMAN_CHECK)
    expect((await runs(token, created.id))[0]).toMatchObject({ status: 'relink_needed', error: { code: 'needs_human' } })
    expect(await liveCount('time_entries', created.id)).toBeGreaterThan(0)
  })

  it('should skip an unused Time Clock with a notice instead of failing the run', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    await btControl(`/tenants/${tenant.id}/faults`, { method: 'PUT', json: { unusedModules: ['TimeClock', 'Worksheet'] } })
    const { token } = await orgWithAdmin()
    // UTC, so the instants below fall on the days they name.
    const created = await connectBuildertrend(token, tenant, { timeZone: 'UTC' })
    await drain(queue)
    const view = await connection(token, created.id)
    expect(view.status).toBe('ok')
    expect(view.streams.find((s) => s.name === 'TimeClock')!.notice).toBe(UNUSED_TIME_CLOCK)
    expect(view.streams.find((s) => s.name === 'Budgets')!.notice).toMatch(/budget or estimate of \d+ jobs?/)
    expect(await liveCount('time_entries', created.id)).toBe(0)
    expect(await liveCount('jobs', created.id)).toBe(tenant.counts.jobs)
    // Explicit instants, more than a day after the backfill (that cycle reads every job again), and clear of any job's
    // time of day for the 20 minutes after it.
    const jobs = await btRecords<{ jobId: number }>(tenant, 'jobs')
    let tomorrow = Date.parse(`${new Date().toISOString().slice(0, 10)}T01:00:00Z`) + 2 * 86_400_000
    while (jobs.some((j) => slotDue(j.jobId, tomorrow, tomorrow + 20 * 60_000))) tomorrow += 5 * 60_000
    await cronCycle(queue, tomorrow)
    await btControl(`/tenants/${tenant.id}/faults`, { method: 'DELETE' })
    // The Time Clock is read every cycle. The worksheet answered 500 for every job in two passes that read every job
    // (the backfill and that cycle): not used, so its jobs wait for their time of day instead of costing two failing
    // requests each every cycle (streams/unused-modules.ts). The next cycle comes before any job's time: no budget read.
    const day = 86_400_000
    await cronCycle(queue, tomorrow + 16 * 60_000)
    const sameDay = await connection(token, created.id)
    expect(sameDay.streams.find((s) => s.name === 'TimeClock')!.notice).toBeNull()
    expect(await liveCount('time_entries', created.id)).toBe(tenant.counts.allocations)
    expect(sameDay.streams.find((s) => s.name === 'Budgets')!.notice).toMatch(/budget or estimate of \d+ jobs?/)
    await cronCycle(queue, tomorrow + 2 * day)
    await expectMirrors(tenant, created.id)
    expect((await connection(token, created.id)).streams.every((s) => s.notice === null)).toBe(true)
  })

  it('should fall back to all time when a saved view swallows the date range', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    await btControl(`/tenants/${tenant.id}/faults`, { method: 'PUT', json: { savedViewBlocksDateRange: true } })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant, { syncStartDate: '2020-01-01' })
    await drain(queue)
    await expectMirrors(tenant, created.id)
    expect((await connection(token, created.id)).streams.find((s) => s.name === 'TimeClock')!.notice).toBe(DATE_FILTER_IGNORED)
  })
})
