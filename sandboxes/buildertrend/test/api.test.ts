import { describe, expect, it } from 'vitest'
import { addDays, todayIn } from '../generate/dates'
import type { BtShift } from '../tenant/shapes'
import { ALL_TIME_FILTER, harness, rangeFilter } from './harness'

type Grid = { data: { data: BtShift[]; records: number; totalPages: number; page: number; pageSize: number } }

describe('Buildertrend sandbox time clock grid', () => {
  it('should page all shifts of the given jobs, General included on request', async () => {
    const h = await harness({ size: 'demo' })
    const token = await h.login()
    const first = (await (await h.grid(token, { pagingData: { pageNumber: '1', pageSize: 40 } })).json()) as Grid
    expect(first.data.records).toBe(h.tenant.shifts.size)
    expect(first.data.totalPages).toBe(Math.ceil(h.tenant.shifts.size / 40))
    expect(first.data.data).toHaveLength(40)
    const withoutGeneral = (await (await h.grid(token, { includeGeneralJobItems: false })).json()) as Grid
    expect(withoutGeneral.data.records).toBe([...h.tenant.shifts.values()].filter((s) => s.jobId !== null).length)
  })

  it('should answer zero rows for an empty job list', async () => {
    const h = await harness()
    const res = (await (await h.grid(await h.login(), { jobIds: [] })).json()) as Grid
    expect(res.data).toMatchObject({ records: 0, data: [] })
  })

  it('should accept filters only as a JSON string', async () => {
    const h = await harness()
    const res = await h.grid(await h.login(), { filters: { '12': { SelectedValue: 2147483647 } } })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ success: false, message: 'filters must be a JSON-encoded string.' })
  })

  it('should apply the date range under filter "12", unless a saved view swallows it', async () => {
    const h = await harness({ size: 'demo' })
    const token = await h.login()
    const today = todayIn(h.tenant.timeZone, Date.now())
    const start = addDays(today, -7)
    const ranged = (await (await h.grid(token, { filters: rangeFilter(start, today) })).json()) as Grid
    const expected = [...h.tenant.shifts.values()].filter((s) => s.date.date.slice(0, 10) >= start)
    expect(ranged.data.records).toBe(expected.length)
    expect(ranged.data.records).toBeGreaterThan(0)
    h.tenant.faults.savedViewBlocksDateRange = true
    expect(((await (await h.grid(token, { filters: rangeFilter(start, today) })).json()) as Grid).data.records).toBe(0)
    expect(((await (await h.grid(token, { filters: ALL_TIME_FILTER })).json()) as Grid).data.records).toBe(h.tenant.shifts.size)
  })

  it('should sort by date when asked', async () => {
    const h = await harness({ size: 'demo' })
    const rows = ((await (await h.grid(await h.login(), { gridRequest: { sortColumn: 'date', sortDirection: 'asc' } })).json()) as Grid).data.data
    expect(rows.map((r) => r.date.date)).toEqual([...rows.map((r) => r.date.date)].sort())
  })

  it('should answer 500 for the grid of an unused module', async () => {
    const h = await harness()
    h.tenant.faults.unusedModules = ['TimeClock']
    expect((await h.grid(await h.login(), {})).status).toBe(500)
  })
})

describe('Buildertrend sandbox jobs, budgets and worksheets', () => {
  it('should list the General pseudo-job in the picker, without contract prices', async () => {
    const h = await harness()
    const token = await h.login()
    const res = (await (await h.request('/api/jobpicker/GetJobPickerData', { token, body: { filters: '{"1":"","2":"","3":"5,1,7,2","7":""}' } })).json()) as { data: { jobs: Array<Record<string, unknown>> } }
    expect(res.data.jobs[0]).toMatchObject({ jobId: 0, jobName: 'General' })
    expect(res.data.jobs).toHaveLength(h.tenant.jobs.size + 1)
    expect(res.data.jobs.every((j) => !('contractPrice' in j))).toBe(true)
  })

  it('should serve the contract price in its three shapes from the job detail', async () => {
    const h = await harness({ size: 'demo' })
    const token = await h.login()
    const prices = await Promise.all([...h.tenant.jobs.keys()].map(async (id) => ((await (await h.request(`/api/Jobsites/${id}`, { token })).json()) as { data: { jobInfo: { contractPrice: unknown } } }).data.jobInfo.contractPrice))
    expect(new Set(prices.map((p) => (p === null ? 'null' : typeof p)))).toEqual(new Set(['number', 'object', 'string', 'null']))
    expect(prices.some((p) => typeof p === 'string' && /^\$[\d,]+(\.\d+)?$/.test(p))).toBe(true)
  })

  it('should answer the job costing budget without an envelope and the worksheet with one', async () => {
    const h = await harness({ size: 'demo' })
    const token = await h.login()
    const jobId = [...h.tenant.jobs.keys()][0]!
    const budget = (await (await h.request('/apix/v2/JobCostingBudget', { token, body: { jobId, filter: '{}' } })).json()) as Record<string, unknown>
    expect(budget).toHaveProperty('costCategories')
    expect(budget).not.toHaveProperty('success')
    const sheet = (await (await h.request(`/api/Proposals/${jobId}/Worksheet`, { token })).json()) as { success: boolean; data: { formatData: unknown[] } }
    expect(sheet.success).toBe(true)
    expect(Array.isArray(sheet.data.formatData)).toBe(true)
  })
})
