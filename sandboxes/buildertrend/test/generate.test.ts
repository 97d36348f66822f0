import { describe, expect, it } from 'vitest'
import { createBuildertrendSandbox } from '../sandbox'
import { FLAT_RATE_CODE } from '../tenant/shapes'

describe('Buildertrend sandbox generator', () => {
  it('should give the same data for the same seed', () => {
    const a = createBuildertrendSandbox().createTenant({ seed: 'x', size: 'demo' })
    const b = createBuildertrendSandbox().createTenant({ seed: 'x', size: 'demo' })
    expect([...a.shifts.values()]).toEqual([...b.shifts.values()])
    expect([...a.jobs.values()]).toEqual([...b.jobs.values()])
  })

  it('should carry every data quirk of docs/vendors/buildertrend.md §13', () => {
    const t = createBuildertrendSandbox().createTenant({ seed: 3, size: 'demo' })
    const shifts = [...t.shifts.values()]
    const jobs = [...t.jobs.values()]
    expect(shifts.every((s) => s.totalWorkTime === 0 && Number.isInteger(s.regularTime) && Number.isInteger(s.overTime))).toBe(true)
    expect(shifts.every((s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(s.timeIn.timeStamp))).toBe(true)
    expect(shifts.every((s) => s.rate === null || /^\$\d+\.\d\d$/.test(s.rate))).toBe(true)
    expect(shifts.some((s) => s.jobId === null && s.jobName === 'General')).toBe(true)
    expect(shifts.some((s) => s.costCodes.some((c) => c.id === FLAT_RATE_CODE.id))).toBe(true)
    expect(shifts.some((s) => s.costCodes.length > 1 && s.costCodes.some((c) => !Number.isInteger(c.totalMinutes)))).toBe(true)
    expect(shifts.some((s) => s.overTime > 0)).toBe(true)
    expect(shifts.some((s) => s.approvalStatus.isApproved) && shifts.some((s) => !s.approvalStatus.isApproved)).toBe(true)
    expect(shifts.every((s) => 'value' in s.builderCost && 'scale' in s.builderCost && s.createdDate === null && s.edited === null)).toBe(true)
    expect(jobs.some((j) => (j.status === 0) !== j.isClosed)).toBe(true)
    expect(jobs.some((j) => [j.projectedStartDate, j.actualStartDate, j.projectedClosingDate].some((d) => d?.startsWith('0001') || d?.startsWith('2055') || d?.startsWith('2006')))).toBe(true)
  })

  it('should have shifts still clocked in when generated during a working day', () => {
    const noonInChicago = () => Date.parse('2026-05-20T17:00:00Z')
    const t = createBuildertrendSandbox({ now: noonInChicago }).createTenant({ seed: 1, size: 'demo' })
    const open = [...t.shifts.values()].filter((s) => s.timeOut === null)
    expect(open.length).toBeGreaterThan(0)
    expect(open.every((s) => s.date.date.startsWith('2026-05-20') && s.regularTime === 0 && !s.approvalStatus.isApproved)).toBe(true)
  })

  it('should generate a large tenant quickly', () => {
    const started = Date.now()
    const t = createBuildertrendSandbox().createTenant({ seed: 'big', size: 'large' })
    expect(t.jobs.size).toBe(280)
    expect(t.shifts.size).toBeGreaterThan(10_000)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
