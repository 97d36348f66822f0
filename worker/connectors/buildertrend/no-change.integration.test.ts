import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { ConnectionView } from '../../../shared/api/connections'
import { captureQueue, cronCycle, drain } from '../../../tools/test/aspire-sandbox'
import { type BtTenant, btControl, btRecords, connectBuildertrend, createBtTenant } from '../../../tools/test/buildertrend-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'
import { slotDue } from './streams/job-changes'

type Budget = { jobId: number; costCategories: Array<{ title: string; costCodes: Array<{ id: number; title: string; originalBudgetCosts: number }> }> }

const connection = async (token: string, id: string) => ConnectionView.parse(await (await call(`/api/v1/connections/${id}`, { token })).json())
const row = <T>(sql: string, ...binds: unknown[]) => env.DB.prepare(sql).bind(...binds).first<T>()

/** Where one cycle's requests went, from the stand-in's own log (paths only). */
async function cycleRequests(queue: SyncMessage[], tenant: BtTenant, at: number) {
  const log = () => btControl<{ requests: Array<{ seq: number; path: string }> }>(`/tenants/${tenant.id}/requests`)
  // The last logged seq, not `total`: that counts API requests only, and the log holds sign-ins too.
  const before = (await log()).requests.at(-1)?.seq ?? 0
  await cronCycle(queue, at)
  const { requests } = await log()
  const paths = requests.filter((r) => r.seq > before).map((r) => r.path)
  const count = (test: (path: string) => boolean) => paths.filter(test).length
  return {
    total: paths.length,
    picker: count((p) => p === '/api/jobpicker/GetJobPickerData'),
    jobsite: count((p) => p.startsWith('/api/Jobsites/')),
    budget: count((p) => p === '/apix/v2/JobCostingBudget'),
    worksheet: count((p) => /^\/api\/Proposals\/\d+\/Worksheet$/.test(p)),
  }
}

describe('Buildertrend cycles with little or nothing changed', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should read per-job detail only for jobs whose picker row changed, and each job once a day at its own time', async () => {
    // More jobs than a page of details (25), so the old every-cycle re-read would cost several pages.
    const tenant = await createBtTenant({ size: { jobs: 60, users: 4, days: 14 } })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant, { timeZone: 'UTC' })
    await drain(queue)
    const jobs = await btRecords<{ jobId: number; jobName: string; contractPrice: unknown }>(tenant, 'jobs')
    expect(jobs).toHaveLength(60)

    // Explicit instants: the first more than a day after the backfill, then minutes and hours later.
    const t = Date.parse(`${new Date().toISOString().slice(0, 10)}T01:00:00Z`) + 2 * 86_400_000
    const hour = 3_600_000
    const quarter = hour / 4
    const detailsOf = (n: number) => ({ jobsite: n, budget: n, worksheet: n })
    /** The jobs whose own time of day falls between two cycles: their daily re-read is due in the second. */
    const dueIn = (from: number, to: number, list = jobs) => list.filter((j) => slotDue(j.jobId, from, to)).map((j) => j.jobId)

    expect(await cycleRequests(queue, tenant, t), 'a day or more since the last cycle: every job').toMatchObject(detailsOf(60))
    const idle = await cycleRequests(queue, tenant, t + quarter)
    expect(idle, 'nothing changed: only the few jobs whose time of day came').toMatchObject({ ...detailsOf(dueIn(t, t + quarter).length), picker: 4 })
    expect(idle.total).toBeLessThanOrEqual(30)
    const view = await connection(token, created.id)
    expect(view.status).toBe('ok')
    // The connection status says what is read when.
    expect(Object.fromEntries(view.streams.map((s) => [s.name, s.cadence]))).toEqual({
      Jobs: expect.stringMatching(/^Every sync: the job list, and the details of jobs that are new or changed in it; once a day .*every job's details/),
      JobMilestones: 'Every sync: the whole job list.',
      TimeClock: 'Every sync: shifts from 6 weeks before this week on.',
      Budgets: expect.stringMatching(/^Every sync: budgets of jobs that are new or changed in the job list; once a day .*every job's budget and estimate/),
    })

    // Three silent edits: a rename (shows in the picker row), a contract price and a budget (show only per job), on
    // jobs whose time of day does not come in the next hours.
    const waiting = new Set(jobs.filter((j) => !slotDue(j.jobId, t + quarter, t + 4 * hour)).map((j) => j.jobId))
    const [renamed, repriced] = [jobs[3]!, jobs.find((j) => waiting.has(j.jobId) && j.jobId !== jobs[3]!.jobId)!]
    const budgets = await btRecords<Budget>(tenant, 'budgets')
    const rebudgeted = budgets.find((b) => b.jobId !== renamed.jobId && waiting.has(b.jobId) && b.costCategories.some((k) => k.costCodes.some((c) => c.originalBudgetCosts > 0)))!
    const code = rebudgeted.costCategories.flatMap((k) => k.costCodes).find((c) => c.originalBudgetCosts > 0)!
    const edited = rebudgeted.costCategories.map((k) => ({ ...k, costCodes: k.costCodes.map((c) => (c.id === code.id ? { ...c, originalBudgetCosts: 123456 } : c)) }))
    await btControl(`/tenants/${tenant.id}/records/jobs/${renamed.jobId}`, { method: 'PATCH', json: { jobName: 'Renamed in Buildertrend' } })
    await btControl(`/tenants/${tenant.id}/records/jobs/${repriced.jobId}`, { method: 'PATCH', json: { contractPrice: 4242 } })
    await btControl(`/tenants/${tenant.id}/records/budgets/${rebudgeted.jobId}`, { method: 'PATCH', json: { costCategories: edited } })
    const price = () => row<{ cents: number | null }>('SELECT contract_price_cents AS cents FROM jobs WHERE connection_id = ?1 AND external_id = ?2', created.id, String(repriced.jobId))
    const budget = () => row<{ cents: number }>('SELECT amount_cents AS cents FROM budgets WHERE connection_id = ?1 AND external_id = ?2', created.id, `${rebudgeted.jobId}:${code.id}`)
    const priceBefore = await price()
    const budgetBefore = await budget()
    expect(budgetBefore).toEqual({ cents: code.originalBudgetCosts * 100 })

    const renamedRead = new Set([renamed.jobId, ...dueIn(t + quarter, t + 2 * hour)]).size
    expect(await cycleRequests(queue, tenant, t + 2 * hour), 'the renamed job, and those whose time came').toMatchObject({ ...detailsOf(renamedRead), picker: 4 })
    expect(await row('SELECT name FROM jobs WHERE connection_id = ?1 AND external_id = ?2', created.id, String(renamed.jobId))).toEqual({ name: 'Renamed in Buildertrend' })
    expect(await price(), 'a price edited alone waits for its job’s time of day').toEqual(priceBefore)
    expect(await budget(), 'so does a budget edited alone').toEqual(budgetBefore)

    // A job gone from the picker is soft-deleted the next cycle, with its budget lines, without any per-job read of it.
    const budgeted = new Set(budgets.filter((b) => b.costCategories.some((k) => k.costCodes.some((c) => c.originalBudgetCosts > 0))).map((b) => b.jobId))
    const gone = jobs.find((j) => budgeted.has(j.jobId) && j.jobId !== rebudgeted.jobId && j.jobId !== renamed.jobId && j.jobId !== repriced.jobId)!
    const liveBudgets = async () => (await row<{ n: number }>('SELECT count(*) AS n FROM budgets WHERE connection_id = ?1 AND job_external_id = ?2 AND deleted_at IS NULL', created.id, String(gone.jobId)))!.n
    expect(await liveBudgets()).toBeGreaterThan(0)
    await btControl(`/tenants/${tenant.id}/records/jobs/${gone.jobId}`, { method: 'DELETE' })
    const left = jobs.filter((j) => j.jobId !== gone.jobId)
    expect(await cycleRequests(queue, tenant, t + 3 * hour)).toMatchObject(detailsOf(dueIn(t + 2 * hour, t + 3 * hour, left).length))
    for (const table of ['jobs', 'milestones']) {
      expect(await row(`SELECT deleted_at IS NOT NULL AS gone FROM ${table} WHERE connection_id = ?1 AND external_id = ?2`, created.id, String(gone.jobId)), table).toEqual({ gone: 1 })
    }
    expect(await liveBudgets()).toBe(0)

    // A day on, every job has had its time: both edits are in.
    expect(await cycleRequests(queue, tenant, t + 27 * hour)).toMatchObject(detailsOf(59))
    expect(await price()).toEqual({ cents: 424200 })
    expect(await budget()).toEqual({ cents: 12345600 })
    expect((await connection(token, created.id)).status).toBe('ok')
  })

  it('should read a job whose budget read failed again the next cycle, and stop once every job fails twice in a row', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant, { timeZone: 'UTC' })
    await drain(queue)
    const day1 = Date.parse(`${new Date().toISOString().slice(0, 10)}T01:00:00Z`) + 2 * 86_400_000
    const hour = 3_600_000
    await cycleRequests(queue, tenant, day1)
    const all = await btRecords<{ jobId: number }>(tenant, 'jobs')
    const [job] = all
    const faults = (unusedModules: string[]) => btControl(`/tenants/${tenant.id}/faults`, { method: 'PUT', json: { unusedModules } })
    const dueIn = (from: number, to: number) => all.filter((j) => slotDue(j.jobId, from, to)).map((j) => j.jobId)

    // One changed job meets a 500 (a passing outage, as far as one job can tell): it is read again the next cycle.
    await btControl(`/tenants/${tenant.id}/records/jobs/${job!.jobId}`, { method: 'PATCH', json: { jobName: 'Renamed once' } })
    await faults(['Worksheet'])
    // Jobs read are counted by their budget request: a GET answered 500 is tried again (a POST never is).
    const failing = new Set([job!.jobId, ...dueIn(day1, day1 + hour)])
    expect(await cycleRequests(queue, tenant, day1 + hour)).toMatchObject({ budget: failing.size })
    await faults([])
    const again = new Set([...failing, ...dueIn(day1 + hour, day1 + 2 * hour)]).size
    expect(await cycleRequests(queue, tenant, day1 + 2 * hour), 'read again').toMatchObject({ budget: again, worksheet: again })
    const alone = dueIn(day1 + 2 * hour, day1 + 3 * hour).length
    expect(await cycleRequests(queue, tenant, day1 + 3 * hour), 'then left alone').toMatchObject({ budget: alone, worksheet: alone })

    // Every job fails in a cycle that reads them all (a day since the last): all are read again the next cycle, fail
    // again, and then wait for their time of day.
    await faults(['Worksheet'])
    const jobs = tenant.counts.jobs
    const later = day1 + 3 * hour + 24 * hour
    expect(await cycleRequests(queue, tenant, later)).toMatchObject({ budget: jobs })
    expect(await cycleRequests(queue, tenant, later + hour)).toMatchObject({ budget: jobs })
    expect(await cycleRequests(queue, tenant, later + 2 * hour), 'the module is not used: no retry every cycle').toMatchObject({ budget: dueIn(later + hour, later + 2 * hour).length })
    expect((await connection(token, created.id)).streams.find((s) => s.name === 'Budgets')!.notice).toMatch(/budget or estimate of \d+ jobs?/)
  })
})
