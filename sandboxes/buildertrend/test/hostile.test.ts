import { describe, expect, it } from 'vitest'
import { generateData } from '../generate/generate'
import { SIZES } from '../generate/catalog'
import type { BtShift } from '../tenant/shapes'
import { harness, rangeFilter } from './harness'

type Grid = { data: { data: BtShift[]; records: number } }
const input = { seed: 'h', size: SIZES.demo, builderId: 60_001, today: '2026-11-18', nowMinutes: 600 }

describe('Buildertrend sandbox, hostile tenants', () => {
  it('should be deterministic from the seed, with the same records as without the option', () => {
    const hostile = generateData({ ...input, hostile: true })
    expect(JSON.stringify(generateData({ ...input, hostile: true }))).toBe(JSON.stringify(hostile))
    const plain = generateData(input)
    expect(hostile.shifts.map((s) => s.id)).toEqual(plain.shifts.map((s) => s.id))
    expect(hostile.jobs.map((j) => j.jobId)).toEqual(plain.jobs.map((j) => j.jobId))
    expect(JSON.stringify(hostile)).not.toBe(JSON.stringify(plain))
  })

  it('should carry markup names, numbers as strings, absurd numbers, nulls and impossible dates', () => {
    const { shifts, jobs } = generateData({ ...input, hostile: true })
    const loose = shifts as unknown as Array<Record<string, unknown>>
    expect(jobs.filter((j) => j.jobName !== null).every((j) => /[<>'"\u202E]|👷/u.test(j.jobName))).toBe(true)
    expect(jobs.some((j) => j.jobName !== null && Array.from(j.jobName).length === 10_000)).toBe(true)
    expect(shifts.some((s) => s.name?.startsWith('<img src=x onerror=window.__xss=1>'))).toBe(true)
    expect(shifts.some((s) => s.name === null)).toBe(true)
    expect(loose.map((s) => s.regularTime)).toEqual(expect.arrayContaining(['480', -60, 60_000_000_000, 'abc']))
    expect(loose.map((s) => s.rate)).toEqual(expect.arrayContaining(['abc', '-$5.00', '$1,000,000,000.00']))
    expect(loose.some((s) => s.date === null && s.timeIn === null)).toBe(true)
    expect(loose.some((s) => (s.date as { date: string } | null)?.date === '2026-02-30T00:00:00')).toBe(true)
    expect(loose.some((s) => s.userID === null)).toBe(true)
    expect(jobs.map((j) => j.contractPrice)).toEqual(expect.arrayContaining(['N/A', -500, { value: 1e15 }]))
  })

  it('should serve its grid with and without a date range, and say hostile in the summary', async () => {
    const h = await harness({ size: 'demo', hostile: true })
    const token = await h.login()
    const all = (await (await h.grid(token, {})).json()) as Grid
    expect(all.data.records).toBe(h.tenant.shifts.size)
    const ranged = await h.grid(token, { filters: rangeFilter('2000-01-01', '2100-01-01') })
    expect(ranged.status).toBe(200)
    // Only the shift without any date falls outside every range.
    expect(((await ranged.json()) as Grid).data.records).toBe(h.tenant.shifts.size - [...h.tenant.shifts.values()].filter((s) => s.date === null).length)
    expect(await (await h.request(`/__control/tenants/${h.tenant.id}`)).json()).toMatchObject({ hostile: true })
  })
})
