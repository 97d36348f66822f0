import { describe, expect, it } from 'vitest'
import type { BtShiftRow } from '../types'
import { mapCostCode, wagesOf, workersOf } from './people'
import { mapShift, rateToCents } from './shifts'

const shift: BtShiftRow = {
  id: 5000123,
  userID: 7001,
  name: 'Ana Alvarez',
  jobId: 41007,
  jobName: '12 Oak St',
  date: { date: '2026-05-20T07:00:00' },
  timeIn: { timeStamp: '2026-05-20T07:00:00' },
  timeOut: { timeStamp: '2026-05-20T16:15:00' },
  regularTime: 480,
  overTime: 45,
  doubleOverTime: 0,
  // As on every public row (BOS-RAW): the worked minutes are regularTime + overTime + doubleOverTime.
  totalWorkTime: 0,
  approvalStatus: { isApproved: true },
  builderCost: { value: 367.5, scale: 2 },
  rate: '$42.00',
  costCodes: [{ id: 1003, costCodeTitle: '03 Concrete', totalMinutes: 525 }],
}

describe('mapShift', () => {
  it('should keep minutes as seconds and read local stamps in the company zone', () => {
    const [entry] = mapShift(shift, 'America/Chicago')
    expect(entry).toMatchObject({
      externalId: '5000123',
      workerExternalId: '7001',
      jobExternalId: '41007',
      milestoneExternalId: '41007',
      costCodeExternalId: '1003',
      workDate: '2026-05-20',
      startAt: '2026-05-20T12:00:00.000Z',
      endAt: '2026-05-20T21:15:00.000Z',
      durationSeconds: 31_500,
      overtimeSeconds: 2700,
      doubleTimeSeconds: 0,
      hourlyCents: 4200,
      costCents: 36750,
      approval: 'approved',
    })
  })

  it('should split a multi-code shift by fractional minutes into parts that add up to the shift', () => {
    const split = { ...shift, costCodes: [{ id: 1003, costCodeTitle: '03 Concrete', totalMinutes: 123.5 }, { id: 1006, costCodeTitle: '06 Framing', totalMinutes: 401.5 }] }
    const entries = mapShift(split, 'America/Chicago')
    expect(entries.map((e) => e.externalId)).toEqual(['5000123:1003', '5000123:1006'])
    expect(entries.map((e) => e.costCodeExternalId)).toEqual(['1003', '1006'])
    const sum = (key: 'durationSeconds' | 'overtimeSeconds' | 'costCents') => entries.reduce((n, e) => n + (e[key] ?? 0), 0)
    expect(sum('durationSeconds')).toBe(31_500)
    expect(sum('overtimeSeconds')).toBe(2700)
    expect(sum('costCents')).toBe(36750)
    expect(entries[0]!.durationSeconds).toBe(7410)
    // The parts take consecutive slices of the clocked span.
    expect(entries[0]!.startAt).toBe('2026-05-20T12:00:00.000Z')
    expect(entries[0]!.endAt).toBe(entries[1]!.startAt)
    expect(entries[1]!.endAt).toBe('2026-05-20T21:15:00.000Z')
  })

  it('should count worked time from regularTime, overTime and doubleOverTime, never from totalWorkTime', () => {
    expect(mapShift({ ...shift, totalWorkTime: 999 }, 'UTC')[0]!.durationSeconds).toBe(31_500)
    expect(mapShift({ ...shift, regularTime: 480, overTime: 240, doubleOverTime: 60 }, 'UTC')[0]).toMatchObject({ durationSeconds: 46_800, overtimeSeconds: 14_400, doubleTimeSeconds: 3600 })
    expect(mapShift({ ...shift, overTime: null, doubleOverTime: null }, 'UTC')[0]!.durationSeconds).toBe(28_800)
  })

  it('should keep an open shift as provisional with no end, even if marked approved', () => {
    const [entry] = mapShift({ ...shift, timeOut: null, regularTime: 0, overTime: 0 }, 'America/Chicago')
    expect(entry).toMatchObject({ approval: 'provisional', endAt: null, durationSeconds: 0, startAt: '2026-05-20T12:00:00.000Z' })
  })

  it('should keep unapproved time provisional', () => {
    expect(mapShift({ ...shift, approvalStatus: { isApproved: false } }, 'UTC')[0]!.approval).toBe('provisional')
  })

  it('should keep a General shift without a job or milestone', () => {
    const [entry] = mapShift({ ...shift, jobId: null, jobName: 'General' }, 'UTC')
    expect(entry).toMatchObject({ jobExternalId: null, milestoneExternalId: null, durationSeconds: 31_500 })
  })

  it('should keep a shift without cost codes as one entry without a code', () => {
    expect(mapShift({ ...shift, costCodes: [] }, 'UTC')).toMatchObject([{ externalId: '5000123', costCodeExternalId: null }])
  })

  it('should convert across a DST change', () => {
    const [entry] = mapShift({ ...shift, date: { date: '2026-03-08T00:00:00' }, timeIn: { timeStamp: '2026-03-08T01:00:00' }, timeOut: { timeStamp: '2026-03-08T04:00:00' } }, 'America/Chicago')
    expect(entry).toMatchObject({ startAt: '2026-03-08T07:00:00.000Z', endAt: '2026-03-08T09:00:00.000Z' })
  })
})

describe('mapShift with values Buildertrend should not send', () => {
  it('should read minutes sent as numeric strings', () => {
    expect(mapShift({ ...shift, regularTime: '450', overTime: '30', costCodes: [] }, 'UTC')[0]).toMatchObject({ durationSeconds: 28_800, overtimeSeconds: 1800 })
  })
  it('should leave unreadable minutes as NaN for the value rules to refuse, never 0', () => {
    expect(mapShift({ ...shift, regularTime: 'abc', costCodes: [] }, 'UTC')[0]!.durationSeconds).toBeNaN()
    expect(mapShift({ ...shift, doubleOverTime: 'abc', costCodes: [] }, 'UTC')[0]!.durationSeconds).toBeNaN()
  })
  it('should not throw on clock stamps that are not times, and drop them', () => {
    const [entry] = mapShift({ ...shift, timeIn: { timeStamp: 'not a time' }, timeOut: { timeStamp: '2026-13-45T25:61:00' } }, 'UTC')
    expect(entry).toMatchObject({ startAt: null, endAt: null, durationSeconds: 31_500 })
  })
  it('should give a shift without a user no worker rather than one called "null"', () => {
    expect(mapShift({ ...shift, userID: null }, 'UTC')[0]!.workerExternalId).toBeNull()
    expect(workersOf([{ ...shift, userID: null }])).toEqual([])
    expect(wagesOf([{ ...shift, userID: null }])).toEqual([])
  })
})

describe('people from shifts', () => {
  it('should parse rate strings', () => {
    expect(rateToCents('$42.00')).toBe(4200)
    expect(rateToCents('$1,042.50')).toBe(104250)
    expect(rateToCents('$0.00')).toBeNull()
    expect(rateToCents(null)).toBeNull()
  })

  it('should date each user and rate from its earliest shift, one wage per rate', () => {
    const later = { ...shift, id: 2, date: { date: '2026-06-01T00:00:00' } }
    const earlier = { ...shift, id: 3, date: { date: '2026-04-01T00:00:00' } }
    const raised = { ...shift, id: 4, date: { date: '2026-06-10T00:00:00' }, rate: '$45.50' }
    expect(wagesOf([later, earlier, raised])).toEqual([
      { externalId: '7001:4200', workerExternalId: '7001', effectiveDate: '2026-04-01', hourlyCents: 4200, burdenBasisPoints: null },
      { externalId: '7001:4550', workerExternalId: '7001', effectiveDate: '2026-06-10', hourlyCents: 4550, burdenBasisPoints: null },
    ])
  })

  it('should make one worker per user and name cost codes', () => {
    expect(workersOf([shift, { ...shift, id: 9 }])).toMatchObject([{ externalId: '7001', name: 'Ana Alvarez' }])
    expect(workersOf([{ ...shift, name: ' ' }])[0]!.name).toBe('Buildertrend user 7001')
    expect(mapCostCode(9999, 'Buildertrend Flat Rate')).toEqual({ externalId: '9999', code: null, name: 'Buildertrend Flat Rate', active: null })
  })
})
