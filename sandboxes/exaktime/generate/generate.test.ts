import { describe, expect, it } from 'vitest'
import { generateTenantData } from './generate'

const input = { seed: 's', size: 'demo' as const, jobSource: 'job' as const, timeZone: 'America/Chicago', today: '2026-11-18' }

describe('generateTenantData', () => {
  it('should give the same data for the same seed and different data for another', () => {
    expect(generateTenantData(input)).toEqual(generateTenantData(input))
    expect(generateTenantData({ ...input, seed: 't' }).timeRecords).not.toEqual(generateTenantData(input).timeRecords)
  })

  it('should give Job companies jobs with sub-jobs and time on leaf jobs only', () => {
    const data = generateTenantData(input)
    const parents = new Set(data.jobs.map((j) => j.parent_job_id).filter((id) => id !== null))
    expect(parents.size).toBeGreaterThan(0)
    expect(data.timeRecords.every((r) => r.jobId !== null && !parents.has(r.jobId))).toBe(true)
    expect(generateTenantData({ ...input, jobSource: 'location' }).jobs).toEqual([])
  })

  it('should end history yesterday and keep every record inside a pay period', () => {
    const data = generateTenantData(input)
    expect(data.timeRecords.every((r) => r.workDate < input.today)).toBe(true)
    for (const r of data.timeRecords) {
      const period = data.payPeriods.find((p) => p.id === r.payPeriodId)!
      expect(r.workDate >= period.startDate && r.workDate <= period.endDate).toBe(true)
    }
  })

  it('should generate a large company', () => {
    const started = performance.now()
    const data = generateTenantData({ ...input, size: 'large' })
    const ms = performance.now() - started
    console.log(`large tenant: ${data.employees.length} employees, ${data.timeRecords.length} time records in ${Math.round(ms)} ms`)
    expect(data.employees).toHaveLength(300)
    expect(data.timeRecords.length).toBeGreaterThan(30_000)
  })
})
