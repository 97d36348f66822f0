import { describe, expect, it } from 'vitest'
import type { DwTimeRecord } from '../types'
import { mapTimeRecord } from './time-record'

const record: DwTimeRecord = {
  TimeRecordId: 100042, UserId: 1003, LocationId: 204, JobId: 507, CostCodeId: 13, WorkDate: '2026-07-06', TimeIn: '2026-07-06T06:00:00', TimeOut: '2026-07-06T19:00:00',
  RegularHours: 8, OT1Hours: 4, OT2Hours: 1, PayPeriodId: 9, IsQuarantined: false, LastModified: '2026-07-07T01:00:00.000Z',
}

describe('mapTimeRecord', () => {
  it('should read hours sent as strings, and not throw on clock times that are not times', () => {
    const row = mapTimeRecord({ ...record, RegularHours: '8.5', OT1Hours: null, OT2Hours: null, TimeIn: '2026-07-06T25:61:00', UserId: null }, { jobSource: 'location', timeZone: 'UTC', final: true })
    expect(row).toMatchObject({ durationSeconds: 30_600, startAt: null, workerExternalId: null })
    expect(mapTimeRecord({ ...record, RegularHours: 'abc' }, { jobSource: 'location', timeZone: 'UTC', final: true }).durationSeconds).toBeNaN()
  })

  it('should keep REG, OT1 and OT2 apart, with the duration as all time worked', () => {
    expect(mapTimeRecord(record, { jobSource: 'location', timeZone: 'America/Chicago', final: true })).toMatchObject({
      externalId: '100042', workerExternalId: '1003', costCodeExternalId: '13', workDate: '2026-07-06',
      durationSeconds: 13 * 3600, overtimeSeconds: 4 * 3600, doubleTimeSeconds: 3600, approval: 'approved', vendorModified: '2026-07-07T01:00:00.000Z',
    })
  })

  it('should turn company-local clock times into UTC instants, DST included', () => {
    const row = mapTimeRecord(record, { jobSource: 'location', timeZone: 'America/Chicago', final: true })
    expect([row.startAt, row.endAt]).toEqual(['2026-07-06T11:00:00.000Z', '2026-07-07T00:00:00.000Z'])
    const winter = mapTimeRecord({ ...record, TimeIn: '2026-01-06T06:00:00' }, { jobSource: 'location', timeZone: 'America/Chicago', final: true })
    expect(winter.startAt).toBe('2026-01-06T12:00:00.000Z')
  })

  it('should point at the Location or the Job, per connection, with the implicit milestone', () => {
    expect(mapTimeRecord(record, { jobSource: 'location', timeZone: 'UTC', final: true })).toMatchObject({ jobExternalId: 'L204', milestoneExternalId: 'L204' })
    expect(mapTimeRecord(record, { jobSource: 'job', timeZone: 'UTC', final: false })).toMatchObject({ jobExternalId: 'J507', milestoneExternalId: 'J507', approval: 'provisional' })
    expect(mapTimeRecord({ ...record, JobId: null }, { jobSource: 'job', timeZone: 'UTC', final: true }).jobExternalId).toBeNull()
  })

  it('should read missing hours as zero and unreadable times as unknown', () => {
    const row = mapTimeRecord({ ...record, OT1Hours: null, OT2Hours: null, TimeOut: 'garbage' }, { jobSource: 'location', timeZone: 'UTC', final: true })
    expect(row).toMatchObject({ durationSeconds: 8 * 3600, overtimeSeconds: 0, doubleTimeSeconds: 0, endAt: null })
  })
})
