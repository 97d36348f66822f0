import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { ConnectionView } from '../../../shared/api/connections'
import { captureQueue, cronCycle, drain, liveCount, totalCount } from '../../../tools/test/aspire-sandbox'
import { runSyncStep } from '../../sync/run-step'
import {
  connectExakTime,
  postExakTimeConnection,
  createExakTimeTenant,
  exControl,
  exRecords,
  type ExakTimeTenant,
  exKey,
  readKey,
  timeSummary,
} from '../../../tools/test/exaktime-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'
import { encryptCredentials } from '../../crypto/credentials'

const connection = async (token: string, id: string) => ConnectionView.parse(await (await call(`/api/v1/connections/${id}`, { token })).json())
const timeNotice = async (token: string, id: string) => (await connection(token, id)).streams.find((s) => s.name === 'TimeRecords')!.notice

/** The oldest work date a logged warehouse request asks for (`WorkDate ge 2026-05-01`). */
const oldestDay = (path: string) => /WorkDate (?:ge|gt) (\d{4}-\d{2}-\d{2})/.exec(decodeURIComponent(path.replace(/\+/g, ' ')))?.[1] ?? ''

/** A cron cycle far enough ahead that the 15-minute cadence has passed. */
let cycles = 0
const nextCycle = (queue: SyncMessage[], extraMs = 0) => cronCycle(queue, Date.now() + ++cycles * 901_000 + extraMs)

async function expectMirrors(tenant: ExakTimeTenant, connectionId: string, options: { from?: string; level?: 'supervisor' | 'sign_off' } = {}) {
  const summary = await timeSummary(tenant, `?level=${options.level ?? 'sign_off'}${options.from ? `&from=${options.from}` : ''}`)
  const payRates = (await exRecords<{ pay_rates: unknown[] }>(tenant, 'employees')).reduce((n, e) => n + e.pay_rates.length, 0)
  expect({
    workers: await liveCount('workers', connectionId),
    wages: await liveCount('wages', connectionId),
    cost_codes: await liveCount('cost_codes', connectionId),
    time_entries: await liveCount('time_entries', connectionId),
  }).toEqual({ workers: tenant.counts.employees, wages: payRates, cost_codes: tenant.counts.costCodes, time_entries: summary.final })
  const { n, d } = await totalCount('time_entries', connectionId)
  expect(n, 'one row per ExakTime time record').toBe(d)
  const ids = await env.DB.prepare('SELECT external_id FROM time_entries WHERE connection_id = ?1 AND deleted_at IS NULL').bind(connectionId).all<{ external_id: string }>()
  expect(ids.results.map((r) => Number(r.external_id)).sort((a, b) => a - b)).toEqual([...summary.finalIds].sort((a, b) => a - b))
  return summary
}

describe('ExakTime sync against the sandbox', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should import only final time with a read-only API key, counting what waits for approval', async () => {
    const tenant = await createExakTimeTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const created = await connectExakTime(token, { companyId: tenant.companyId, apiKey: ` ${readKey(tenant)} ` }, { pageSize: 100 })
    expect(created.frequencySeconds).toBe(900)
    await drain(queue)
    const summary = await expectMirrors(tenant, created.id)
    expect(summary.waiting).toBeGreaterThan(0)
    expect(summary.quarantined).toBeGreaterThan(0)
    expect(await liveCount('jobs', created.id)).toBe(tenant.counts.locations)
    expect(await liveCount('milestones', created.id)).toBe(tenant.counts.locations)
    expect(await liveCount('budgets', created.id)).toBe(0)
    const view = await connection(token, created.id)
    expect(view.status).toBe('ok')
    expect(await timeNotice(token, created.id)).toBe(
      `${summary.waiting} entries waiting for approval (sign-off or a closed pay period); ${summary.quarantined} ${summary.quarantined === 1 ? 'entry' : 'entries'} in ExakTime's Quarantined Time (entered after approval), held back until accepted there.`,
    )
    const approvals = await env.DB.prepare("SELECT count(*) AS n FROM time_entries WHERE connection_id = ?1 AND approval <> 'approved'").bind(created.id).first<{ n: number }>()
    expect(approvals!.n).toBe(0)
  })

  it('should import nothing worked before the sync start date', async () => {
    const tenant = await createExakTimeTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const start = (await exRecords<{ workDate: string }>(tenant, 'timeRecords')).map((r) => r.workDate).sort()[40]!
    const created = await connectExakTime(token, exKey(tenant), { syncStartDate: start })
    await drain(queue)
    await expectMirrors(tenant, created.id, { from: start })
    const earliest = await env.DB.prepare('SELECT min(work_date) AS d FROM time_entries WHERE connection_id = ?1').bind(created.id).first<{ d: string }>()
    expect(earliest!.d >= start).toBe(true)
  })

  it('should bring in held-back time once it is approved and the warehouse has refreshed', async () => {
    const tenant = await createExakTimeTenant({ size: 'small', config: { autoRefresh: false } })
    const { token } = await orgWithAdmin()
    const created = await connectExakTime(token, exKey(tenant))
    await drain(queue)
    const before = await expectMirrors(tenant, created.id)
    expect(before.waiting).toBeGreaterThan(0)

    // Signed off in ExakTime, but the warehouse still shows last night's data: nothing changes yet.
    await exControl(`/tenants/${tenant.companyId}/approvals`, { json: { level: 'SignOff', from: '2000-01-01', to: tenant.today } })
    await nextCycle(queue)
    expect(await liveCount('time_entries', created.id)).toBe(before.final)

    await exControl(`/tenants/${tenant.companyId}/refresh`, { method: 'POST' })
    await nextCycle(queue)
    const after = await expectMirrors(tenant, created.id)
    expect(after.final).toBe(before.final + before.waiting)
    expect(await timeNotice(token, created.id)).toMatch(/^\d+ entr(y|ies) in ExakTime's Quarantined Time/)
  })

  it('should follow edits and deletions in the rolling window without duplicates', async () => {
    const tenant = await createExakTimeTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectExakTime(token, exKey(tenant), { approvalLevel: 'supervisor' })
    await drain(queue)
    // Last week is supervisor-approved but not signed off: imported at this level, and still editable.
    const summary = await expectMirrors(tenant, created.id, { level: 'supervisor' })
    const records = await exRecords<{ id: number; workDate: string }>(tenant, 'timeRecords')
    const lastWeek = records.filter((r) => summary.finalIds.includes(r.id)).sort((a, b) => b.workDate.localeCompare(a.workDate))
    const [edited, removed] = [lastWeek[0]!, lastWeek[1]!]
    await exControl(`/tenants/${tenant.companyId}/time-records/${edited.id}`, { method: 'PATCH', json: { regularHours: 8, ot1Hours: 2.5, ot2Hours: 0.5 } })
    await exControl(`/tenants/${tenant.companyId}/time-records/${removed.id}`, { method: 'DELETE' })
    await exControl(`/tenants/${tenant.companyId}/refresh`, { method: 'POST' })
    await nextCycle(queue)
    await expectMirrors(tenant, created.id, { level: 'supervisor' })
    const row = await env.DB.prepare('SELECT duration_seconds, overtime_seconds, double_time_seconds FROM time_entries WHERE connection_id = ?1 AND external_id = ?2')
      .bind(created.id, String(edited.id))
      .first()
    expect(row).toEqual({ duration_seconds: 11 * 3600, overtime_seconds: 2.5 * 3600, double_time_seconds: 0.5 * 3600 })
    const gone = await env.DB.prepare('SELECT deleted_at FROM time_entries WHERE connection_id = ?1 AND external_id = ?2').bind(created.id, String(removed.id)).first<{ deleted_at: string | null }>()
    expect(gone!.deleted_at).not.toBeNull()
  })

  it('should name the newest day the warehouse holds once it has had no time for days', async () => {
    const tenant = await createExakTimeTenant({ size: 'small', config: { autoRefresh: false } })
    const { token } = await orgWithAdmin()
    const created = await connectExakTime(token, exKey(tenant))
    await drain(queue)
    expect(await timeNotice(token, created.id)).not.toMatch(/newest time/)
    // Our clock four days on, the warehouse never refreshed: its newest work date is days behind.
    await nextCycle(queue, 4 * 86_400_000)
    const newest = /the newest time in ExakTime's warehouse is from (\d{4}-\d{2}-\d{2}); it refreshes nightly/.exec((await timeNotice(token, created.id)) ?? '')?.[1]
    const workDates = (await exRecords<{ workDate: string }>(tenant, 'timeRecords')).map((r) => r.workDate).filter((d) => d <= tenant.today).sort()
    expect(newest).toBe(workDates.at(-1))
  })

  it('should converge to exactly the sandbox through 429s and outages', async () => {
    const tenant = await createExakTimeTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const created = await connectExakTime(token, exKey(tenant), { pageSize: 50 })
    await exControl(`/tenants/${tenant.companyId}/faults`, {
      json: [
        { status: 429, count: 6 },
        { status: 503, path: '/odata/DwTimeRecords', count: 2 },
        { status: 502, html: true, path: '/odata/DwWorkDateTimeApprovals', count: 1 },
        { status: 429, path: '/v1/Common/Persons/Employees', count: 3 },
      ],
    })
    await drain(queue)
    for (let cycle = 0; cycle < 3 && (await connection(token, created.id)).status !== 'ok'; cycle++) await nextCycle(queue)
    await expectMirrors(tenant, created.id)
    const log = await exControl<{ entries: Array<{ status: number }> }>(`/tenants/${tenant.companyId}/requests`)
    expect(log.entries.filter((e) => e.status === 429).length).toBeGreaterThanOrEqual(9)
    const deleted = await env.DB.prepare('SELECT count(*) AS n FROM time_entries WHERE connection_id = ?1 AND deleted_at IS NOT NULL').bind(created.id).first<{ n: number }>()
    expect(deleted!.n).toBe(0)
  })

  it('should read the pay periods once per pass, and approvals only for time of open pay periods, judging time the same', async () => {
    const tenant = await createExakTimeTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const created = await connectExakTime(token, exKey(tenant), { pageSize: 50 })
    await drain(queue)
    await expectMirrors(tenant, created.id)
    await exControl(`/tenants/${tenant.companyId}/requests`, { method: 'DELETE' })
    // An hour on: this pass reads the whole rolling window, closed weeks included.
    await nextCycle(queue, 3_600_000)
    expect((await connection(token, created.id)).status).toBe('ok')
    const { entries } = await exControl<{ entries: Array<{ path: string }> }>(`/tenants/${tenant.companyId}/requests`)
    const to = (set: string) => entries.filter((e) => e.path.startsWith(`/odata/${set}`))
    expect(to('DwPayPeriods').length, 'one read: a page, and the probe that it was the last').toBe(2)
    expect(to('DwTimeRecords').length, 'pages of time').toBeGreaterThan(5)
    // The stand-in closes every week before last week: time there is final by its period, whatever approvals say.
    const lastMonday = (await exRecords<{ startDate: string; closed: boolean }>(tenant, 'payPeriods')).filter((p) => !p.closed).map((p) => p.startDate).sort()[0]!
    const approvalDays = to('DwWorkDateTimeApprovals').map((e) => oldestDay(e.path))
    expect(approvalDays.length, 'an approvals lookup per page of open-period time').toBeGreaterThan(0)
    expect(approvalDays.every((d) => d >= lastMonday)).toBe(true)
    await expectMirrors(tenant, created.id)
  })

  it('should re-read old days holding only quarantined time once a day, not every cycle, and keep counting them', async () => {
    const tenant = await createExakTimeTenant({ size: 'small', config: { autoRefresh: false } })
    const { token } = await orgWithAdmin()
    // Everything signed off, then a late punch for a day three weeks back (the window is one week): it lands in Quarantined Time.
    await exControl(`/tenants/${tenant.companyId}/approvals`, { json: { level: 'SignOff', from: '2000-01-01', to: tenant.today } })
    const cutoff = new Date(Date.parse(`${tenant.today}T00:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10)
    const old = (await exRecords<{ personId: number; workDate: string }>(tenant, 'timeRecords')).filter((r) => r.workDate < cutoff).sort((x, y) => (x.workDate < y.workDate ? 1 : -1))[0]!
    const oldDay = old.workDate.slice(0, 10)
    const late = await exControl<{ id: number; quarantined: boolean }>(`/tenants/${tenant.companyId}/time-records`, { json: { personId: old.personId, workDate: oldDay, regularHours: 2 } })
    expect(late.quarantined).toBe(true)
    await exControl(`/tenants/${tenant.companyId}/refresh`, { method: 'POST' })
    const created = await connectExakTime(token, exKey(tenant), { timeZone: 'UTC', windowDays: 7 })
    await drain(queue)
    const summary = await timeSummary(tenant)
    expect(summary.waiting).toBe(0)
    const quarantinedNotice = `${summary.quarantined} ${summary.quarantined === 1 ? 'entry' : 'entries'} in ExakTime's Quarantined Time`

    // Explicit instants, so no cycle of this test crosses midnight by accident: 01:00 UTC tomorrow, then later that day.
    const tomorrow = Date.parse(`${new Date().toISOString().slice(0, 10)}T01:00:00Z`) + 86_400_000
    // The depth of each pass: the oldest work date its time-record requests ask for.
    const timeRequests = async (at: number) => {
      await exControl(`/tenants/${tenant.companyId}/requests`, { method: 'DELETE' })
      await cronCycle(queue, at)
      expect((await connection(token, created.id)).status).toBe('ok')
      expect(await timeNotice(token, created.id)).toContain(quarantinedNotice)
      const { entries } = await exControl<{ entries: Array<{ path: string }> }>(`/tenants/${tenant.companyId}/requests`)
      return entries.filter((e) => e.path.startsWith('/odata/DwTimeRecords')).map((e) => oldestDay(e.path)).sort()[0]
    }
    const firstOfDay = await timeRequests(tomorrow)
    expect(firstOfDay).toBe(oldDay)
    const laterThatDay = await timeRequests(tomorrow + 3_600_000)
    expect(laterThatDay! > oldDay, 'later cycles that day read only the one-week window').toBe(true)
    expect(await timeRequests(tomorrow + 7_200_000)).toBe(laterThatDay)
    expect(await timeRequests(tomorrow + 86_400_000), 'the next day reads back to the quarantined day again').toBe(oldDay)
    // The connection status says so in words, with this connection's window.
    expect((await connection(token, created.id)).streams.find((s) => s.name === 'TimeRecords')!.cadence).toBe(
      'Every sync: the last 7 days, every day of a pay period still open and every older day with time waiting for approval. ' +
        'Hourly, and at once after the connection settings change: the last 7 days as well, deletions included. ' +
        "Once a day: older days holding only Quarantined Time. ExakTime's warehouse itself refreshes nightly.",
    )

    // Accepted in ExakTime: it arrives with the next day's first cycle.
    await exControl(`/tenants/${tenant.companyId}/time-records/${late.id}/release`, { method: 'POST' })
    await exControl(`/tenants/${tenant.companyId}/refresh`, { method: 'POST' })
    await cronCycle(queue, tomorrow + 2 * 86_400_000)
    await expectMirrors(tenant, created.id)
    const released = await env.DB.prepare('SELECT count(*) AS n FROM time_entries WHERE connection_id = ?1 AND external_id = ?2 AND deleted_at IS NULL').bind(created.id, String(late.id)).first<{ n: number }>()
    expect(released!.n).toBe(1)
  })

  it('should re-read each cycle only the days that can still change, the rest and the reference lists hourly, and at once after a settings change', async () => {
    const started = Date.now()
    const tenant = await createExakTimeTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectExakTime(token, exKey(tenant), { timeZone: 'UTC' })
    await drain(queue)
    const before = await expectMirrors(tenant, created.id)
    const oldestOpen = (await exRecords<{ startDate: string; closed: boolean }>(tenant, 'payPeriods')).filter((p) => !p.closed).map((p) => p.startDate).sort()[0]!
    const cycle = async (at: number) => {
      await exControl(`/tenants/${tenant.companyId}/requests`, { method: 'DELETE' })
      await cronCycle(queue, at)
      expect((await connection(token, created.id)).status).toBe('ok')
      const { entries } = await exControl<{ entries: Array<{ path: string }> }>(`/tenants/${tenant.companyId}/requests`)
      const paths = entries.map((e) => e.path)
      return {
        timeFrom: paths.filter((p) => p.startsWith('/odata/DwTimeRecords')).map(oldestDay).sort()[0],
        rest: (path: string) => paths.filter((p) => p.split('?')[0] === path).length,
        requests: paths.length,
      }
    }
    // Explicit instants, so no cycle crosses midnight (old quarantined days are re-read with a day's first cycle): more
    // than an hour after the first sync, so the hourly lists are due, and less than a day, so the daily pay rates (which
    // read the employee list too) are not. 01:00 tomorrow; 03:00 today in the first 90 minutes of a UTC day, 03:00
    // tomorrow in its last 30 (CI runs at any hour).
    const today = new Date(started).toISOString().slice(0, 10)
    const sinceMidnight = started - Date.parse(`${today}T00:00:00Z`)
    const t0 = Date.parse(`${today}T00:00:00Z`) + (sinceMidnight < 90 * 60_000 ? 3 : sinceMidnight > 23.5 * 3_600_000 ? 27 : 25) * 3_600_000
    const day = (at: number, back: number) => new Date(at - back * 86_400_000).toISOString().slice(0, 10)

    const hourly = await cycle(t0)
    expect(hourly.timeFrom, 'the first cycle an hour on reads the whole 35-day window').toBe(day(t0, 35))
    expect(hourly.rest('/v1/Common/Persons/Employees')).toBe(1)
    expect(hourly.rest('/v1/Time/CostCodes')).toBe(1)

    const next = await cycle(t0 + 901_000)
    expect(next.timeFrom, 'then the last week and the open pay periods only').toBe([day(t0, 7), oldestOpen].sort()[0])
    expect(next.rest('/v1/Common/Persons/Employees') + next.rest('/v1/Time/CostCodes') + next.rest('/v1/Common/Locations'), 'no reference list').toBe(0)
    expect(next.requests).toBeLessThan(hourly.requests)
    await expectMirrors(tenant, created.id)

    expect((await cycle(t0 + 3_600_000)).timeFrom, 'an hour after the last whole-window pass, the next').toBe(day(t0, 35))

    // Budgets are ours (settings): a change shows with the next cycle, not the next hour; time keeps its cadence.
    const patched = await call(`/api/v1/connections/${created.id}`, { method: 'PATCH', token, json: { settings: { laborBudget: { basis: 'hours', hours: 40 } } } })
    expect(patched.status).toBe(200)
    const afterEdit = await cycle(t0 + 3_600_000 + 901_000)
    expect(afterEdit.rest('/v1/Common/Locations'), 'the job list, once, for the budgets (the jobs and phases do not use this setting)').toBe(1)
    expect(afterEdit.rest('/v1/Common/Persons/Employees')).toBe(0)
    expect(afterEdit.timeFrom).toBe([day(t0, 7), oldestOpen].sort()[0])
    const budgets = await env.DB.prepare("SELECT count(*) AS n, min(seconds) AS s FROM budgets WHERE connection_id = ?1 AND kind = 'labor' AND deleted_at IS NULL").bind(created.id).first<{ n: number; s: number }>()
    expect(budgets).toEqual({ n: tenant.counts.locations, s: 40 * 3600 })
    expect((await expectMirrors(tenant, created.id)).final).toBe(before.final)

    // The connection status says each stream's cadence.
    const cadences = Object.fromEntries((await connection(token, created.id)).streams.map((s) => [s.name, s.cadence]))
    expect(cadences).toMatchObject({ Employees: expect.stringMatching(/^Hourly: the whole list/), PayRates: expect.stringMatching(/^Once a day/), TimeRecords: expect.stringMatching(/^Every sync: the last 7 days/) })
  })

  it('should report readable progress during the first sync', async () => {
    const tenant = await createExakTimeTenant({ size: 'demo' })
    const { token } = await orgWithAdmin()
    const created = await connectExakTime(token, exKey(tenant), { pageSize: 40 })
    const message = queue.shift()!
    const seen: number[] = []
    for (let step = 0; step < 300; step++) {
      const result = await runSyncStep(env, message, { maxPages: 1 })
      if (result.next === 'done') break
      const times = (await connection(token, created.id)).streams.find((s) => s.name === 'TimeRecords')!
      if (times.percent !== null && times.status === 'syncing') seen.push(times.percent)
    }
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect((await connection(token, created.id)).status).toBe('ok')
  })
})

describe('ExakTime connect with an API key and the Company ID', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  const refusal = async (res: Response) => ({ status: res.status, message: ((await res.json()) as { error: { message: string } }).error.message })

  it('should sync a company that uses first-class Jobs with sub-jobs, labelled by Company ID and key', async () => {
    const tenant = await createExakTimeTenant({ size: 'small', jobSource: 'job' })
    const { token } = await orgWithAdmin()
    const key = readKey(tenant)
    const created = await connectExakTime(token, { companyId: ` ${tenant.companyId.toUpperCase()} `, apiKey: key }, { jobSource: 'job' })
    expect(created.accountLabel).toBe(`ExakTime ${tenant.companyId} (API key …${key.slice(-4)})`)
    await drain(queue)
    await expectMirrors(tenant, created.id)
    expect(await liveCount('jobs', created.id)).toBe(tenant.counts.jobs)
    expect(await liveCount('milestones', created.id)).toBe(tenant.counts.jobs)
    const jobs = await env.DB.prepare("SELECT count(*) AS n FROM time_entries WHERE connection_id = ?1 AND (job_external_id NOT LIKE 'J%' OR milestone_external_id <> job_external_id)").bind(created.id).first<{ n: number }>()
    expect(jobs!.n).toBe(0)
  })

  it('should refuse a Company ID with spaces or a pasted address, and a username and password, before calling ExakTime', async () => {
    const { token } = await orgWithAdmin()
    const spaced = await refusal(await postExakTimeConnection(token, { companyId: 'Acme Landscaping', apiKey: 'arc_1234567890' }))
    expect(spaced).toEqual({ status: 400, message: expect.stringMatching(/credentials\.companyId: A Company ID has no spaces/) })
    const pasted = await refusal(await postExakTimeConnection(token, { companyId: 'https://acme.exaktime.com/login', apiKey: 'arc_1234567890' }))
    expect(pasted.message).toMatch(/not a web address\. For https:\/\/acme\.exaktime\.com\/login it is "acme"/)
    const signIn = await refusal(await postExakTimeConnection(token, { companyId: 'acme', username: 'a@b.test', password: 'do-not-echo' }))
    expect(signIn).toEqual({ status: 400, message: expect.stringMatching(/ExakTime no longer accepts a username and password from other apps\. Enter an Arcoro API key instead/) })
    expect(signIn.message).not.toContain('do-not-echo')
    expect(queue).toHaveLength(0)
  })

  it('should say whether the key was refused, lacks a permission (naming it) or ExakTime was unreachable', async () => {
    const tenant = await createExakTimeTenant({ size: 'empty', apiKeys: [{ access: 'read' }, { access: 'read', denied: ['DwTimeRecords'] }] })
    const { token } = await orgWithAdmin()
    const badKey = await refusal(await postExakTimeConnection(token, exKey(tenant, 'not-a-key')))
    expect(badKey).toEqual({ status: 422, message: expect.stringMatching(/Arcoro refused the ExakTime API key.*Hub/) })
    const noTime = await refusal(await postExakTimeConnection(token, exKey(tenant, tenant.apiKeys[1]!.key)))
    expect(noTime).toEqual({ status: 422, message: expect.stringMatching(/lacks read access to DwTimeRecords \(ExakTime's data warehouse\)\. In Arcoro's Hub/) })
    const down = await refusal(await postExakTimeConnection(token, exKey(tenant), { baseUrl: 'http://127.0.0.1:9' }))
    expect(down).toEqual({ status: 503, message: expect.stringMatching(/127\.0\.0\.1:9 could not be reached; nothing is wrong with the API key/) })
    expect((await env.DB.prepare('SELECT count(*) AS n FROM connections').first<{ n: number }>())!.n).toBe(0)
  })

  it('should stop a connection stored with a username and password with a relink that says to create an API key', async () => {
    const tenant = await createExakTimeTenant({ size: 'empty' })
    const { token } = await orgWithAdmin()
    const created = await connectExakTime(token, exKey(tenant))
    await drain(queue)
    // What a connection made before the key became the only way in holds.
    const legacy = await encryptCredentials(env.CREDENTIALS_KEY, created.id, { companyId: tenant.companyId, username: 'boss@co.test', password: 'legacy-secret' })
    await env.DB.prepare('UPDATE connections SET credentials_ciphertext = ?1, credentials_iv = ?2 WHERE id = ?3').bind(legacy.ciphertext, legacy.iv, created.id).run()
    await call(`/api/v1/connections/${created.id}/sync`, { method: 'POST', token })
    await drain(queue)
    const view = await connection(token, created.id)
    expect(view.status).toBe('relink_needed')
    expect(view.statusText).toMatch(/ExakTime no longer accepts a username and password from other apps\. Create an API key in Arcoro .* reconnect/)
    expect(JSON.stringify(view)).not.toMatch(/legacy-secret|boss@co\.test/)
  })

  it('should refuse job source Job for a company that only has Locations', async () => {
    const tenant = await createExakTimeTenant({ size: 'small', jobSource: 'location' })
    const { token } = await orgWithAdmin()
    const res = await refusal(await postExakTimeConnection(token, exKey(tenant), { jobSource: 'job' }))
    expect(res).toEqual({ status: 422, message: expect.stringMatching(/has Locations but no Jobs/) })
  })

  it('should build labor budgets from settings only, never from ExakTime', async () => {
    const tenant = await createExakTimeTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const [first] = await exRecords<{ id: number }>(tenant, 'locations')
    const created = await connectExakTime(token, exKey(tenant), {
      laborBudget: { basis: 'percent_of_contract', percent: 30 },
      jobBudgets: { [`L${first!.id}`]: { contractPriceCents: 1_000_000 }, L999999: { hours: 5 } },
    })
    await drain(queue)
    const rows = await env.DB.prepare('SELECT job_external_id, amount_cents, seconds, kind FROM budgets WHERE connection_id = ?1 AND deleted_at IS NULL').bind(created.id).all()
    expect(rows.results).toEqual([{ job_external_id: `L${first!.id}`, amount_cents: 300_000, seconds: null, kind: 'labor' }])
    const job = await env.DB.prepare('SELECT contract_price_cents FROM jobs WHERE connection_id = ?1 AND external_id = ?2').bind(created.id, `L${first!.id}`).first()
    expect(job).toEqual({ contract_price_cents: 1_000_000 })
  })
})
