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

  it("should sort by column '1' (the date) both ways, and by id for another column", async () => {
    const h = await harness({ size: 'demo' })
    const session = await h.login()
    const sorted = async (gridRequest: Record<string, unknown>) => ((await (await h.grid(session, { gridRequest })).json()) as Grid).data.data
    const asc = await sorted({ sortColumn: '1', sortDirection: 'asc', selectedColumns: ['1', '2', '11', '3'] })
    expect(asc.map((r) => r.date.date)).toEqual([...asc.map((r) => r.date.date)].sort())
    expect(asc.map((r) => r.id)).not.toEqual([...asc.map((r) => r.id)].sort((a, b) => a - b))
    const desc = await sorted({ sortColumn: '1', sortDirection: 'desc' })
    expect(desc.map((r) => r.date.date)).toEqual([...asc.map((r) => r.date.date)].reverse())
    const other = await sorted({ sortColumn: '40', sortDirection: 'asc' })
    expect(other.map((r) => r.id)).toEqual([...other.map((r) => r.id)].sort((a, b) => a - b))
  })

  it('should refuse a column named instead of numbered, in sortColumn or selectedColumns', async () => {
    const h = await harness()
    const session = await h.login()
    const sort = await h.grid(session, { gridRequest: { sortColumn: 'date' } })
    expect(sort.status).toBe(400)
    expect(await sort.json()).toMatchObject({ success: false, message: expect.stringMatching(/sortColumn must be a column id/) })
    expect((await h.grid(session, { gridRequest: { sortColumn: '1', selectedColumns: ['date'] } })).status).toBe(400)
  })

  it('should serve rows shaped like the public export (BOS-RAW)', async () => {
    const h = await harness({ size: 'demo' })
    const rows = ((await (await h.grid(await h.login(), {})).json()) as Grid).data.data
    const closed = rows.filter((r) => r.timeOut !== null)
    expect(closed.every((r) => r.totalWorkTime === 0 && r.regularTime + r.overTime + r.doubleOverTime > 0)).toBe(true)
    expect(rows.every((r) => r.date.date === r.timeIn.timeStamp && r.date.builderId === h.tenant.builderId && r.date.id === r.id)).toBe(true)
    const general = rows.filter((r) => r.jobId === null)
    expect(general.length).toBeGreaterThan(0)
    expect(general.every((r) => r.jobName === 'General' && r.timeIn.jobId === 0 && r.date.jobId === 0)).toBe(true)
    const unapproved = rows.find((r) => !r.approvalStatus.isApproved)!
    expect(unapproved.approvalStatus).toEqual({ isApproved: false, updatedDate: null, updatedById: 0, updatedByName: '' })
    expect(rows.every((r) => r.notes === '' && r.gustoSyncStatus === 0 && r.timeIn.showDate === false)).toBe(true)
    const single = closed.filter((r) => r.costCodes.length === 1)
    expect(single.every((r) => !Number.isInteger(r.costCodes[0]!.totalMinutes) && Math.abs(r.costCodes[0]!.totalMinutes - (r.regularTime + r.overTime + r.doubleOverTime)) < 0.01)).toBe(true)
  })

  it('should answer 500 for the grid of an unused module', async () => {
    const h = await harness()
    h.tenant.faults.unusedModules = ['TimeClock']
    expect((await h.grid(await h.login(), {})).status).toBe(500)
  })
})

describe('Buildertrend sandbox jobs, budgets and worksheets', () => {
  it('should list the General pseudo-job in the picker, without contract prices, for the body BOS-MIG sends', async () => {
    const h = await harness()
    const session = await h.login()
    const body = { filters: '{"1":"","2":"","3":"5,1,7,2","7":""}', displayMode: 2, jobSortChoice: 1, selectedJobId: 0, isExpanded: true, templatesOnly: false, selectMode: 2, useJobInSession: false, allowGlobalJob: false, includeGeneralJob: false, builderId: String(h.tenant.builderId), includeCounts: false }
    const res = (await (await h.request('/api/jobpicker/GetJobPickerData', { session, body })).json()) as { data: { jobs: Array<Record<string, unknown>> } }
    expect(res.data.jobs[0]).toMatchObject({ jobId: 0, jobName: 'General' })
    expect(res.data.jobs).toHaveLength(h.tenant.jobs.size + 1)
    expect(res.data.jobs.every((j) => !('contractPrice' in j))).toBe(true)
    const other = await (await h.request('/api/jobpicker/GetJobPickerData', { session, body: { ...body, builderId: '1' } })).json()
    expect(other).toMatchObject({ success: false })
  })

  it('should take the picker bodies of BC-VERBS and BOS-TC, which carry no filters', async () => {
    const h = await harness({ size: 'demo' })
    const session = await h.login()
    const pick = async (body: Record<string, unknown>) => ((await (await h.request('/api/jobpicker/GetJobPickerData', { session, body })).json()) as { data: { jobs: Array<{ jobId: number; jobName: string }> } }).data.jobs
    const closed = [...h.tenant.jobs.values()].filter((j) => j.status === 0).length
    expect(closed).toBeGreaterThan(0)
    expect(await pick({ searchText: '', includeClosedJobs: false })).toHaveLength(h.tenant.jobs.size - closed + 1)
    expect(await pick({ searchTerm: '', showTemplates: false, showGeneral: true })).toHaveLength(h.tenant.jobs.size + 1)
    const [first] = h.tenant.jobs.values()
    expect((await pick({ searchText: first!.jobName, includeClosedJobs: true })).map((j) => j.jobId)).toContain(first!.jobId)
  })

  it('should serve the contract price in its three shapes from the job detail', async () => {
    const h = await harness({ size: 'demo' })
    const token = await h.login()
    const prices = await Promise.all([...h.tenant.jobs.keys()].map(async (id) => ((await (await h.request(`/api/Jobsites/${id}`, { session: token })).json()) as { data: { jobInfo: { contractPrice: unknown } } }).data.jobInfo.contractPrice))
    expect(new Set(prices.map((p) => (p === null ? 'null' : typeof p)))).toEqual(new Set(['number', 'object', 'string', 'null']))
    expect(prices.some((p) => typeof p === 'string' && /^\$[\d,]+(\.\d+)?$/.test(p))).toBe(true)
  })

  it('should answer the job costing budget without an envelope and the worksheet with one', async () => {
    const h = await harness({ size: 'demo' })
    const token = await h.login()
    const jobId = [...h.tenant.jobs.keys()][0]!
    const budget = (await (await h.request('/apix/v2/JobCostingBudget', { session: token, body: { jobId, filter: '{}' } })).json()) as Record<string, unknown>
    expect(budget).toHaveProperty('costCategories')
    expect(budget).not.toHaveProperty('success')
    const sheet = (await (await h.request(`/api/Proposals/${jobId}/Worksheet`, { session: token })).json()) as { success: boolean; data: { formatData: unknown[] } }
    expect(sheet.success).toBe(true)
    expect(Array.isArray(sheet.data.formatData)).toBe(true)
  })
})
