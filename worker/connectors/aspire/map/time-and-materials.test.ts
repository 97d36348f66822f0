import { describe, expect, it } from 'vitest'
import { mapWorkTicketTime } from './time-and-materials'

describe('mapWorkTicketTime', () => {
  const row = {
    WorkTicketTimeID: 501,
    WorkTicketID: 44,
    ContactID: 9,
    WorkTicketTimeDate: '2026-06-12T00:00:00',
    StartTime: '2026-06-12T07:00:00',
    EndTime: '2026-06-12T11:30:00',
    Hours: 4.5,
    OTHours: 0.25,
    BaseHourlyRate: 24.5,
    BurdenedCost: 132.3,
    BranchTimeZone: 'Central Standard Time',
    ApprovedDateTime: null,
    DistributedTime: false,
    LastModifiedDateTime: '2026-06-12T11:31:02',
  }

  it('should read offset-less times in the branch zone, Windows ids included', () => {
    expect(mapWorkTicketTime(row, 'America/New_York')).toMatchObject({ startAt: '2026-06-12T12:00:00.000Z', endAt: '2026-06-12T16:30:00.000Z', workDate: '2026-06-12' })
  })

  it('should fall back to the organisation zone for an unknown branch zone', () => {
    expect(mapWorkTicketTime({ ...row, BranchTimeZone: 'Narnia' }, 'America/New_York').startAt).toBe('2026-06-12T11:00:00.000Z')
  })

  it('should keep seconds, cents, approval and drive time', () => {
    expect(mapWorkTicketTime(row, 'UTC')).toMatchObject({
      durationSeconds: 16200,
      overtimeSeconds: 900,
      hourlyCents: 2450,
      costCents: 13230,
      approval: 'provisional',
      isDrive: false,
      milestoneExternalId: '44',
      workerExternalId: '9',
    })
    expect(mapWorkTicketTime({ ...row, ApprovedDateTime: '2026-06-13T08:00:00', DistributedTime: true }, 'UTC')).toMatchObject({ approval: 'approved', isDrive: true })
  })
  it('should leave missing hours and dates missing, for the value rules to refuse, never 0 h or 1970', () => {
    expect(mapWorkTicketTime({ ...row, Hours: null, WorkTicketTimeDate: null, StartTime: null }, 'UTC')).toMatchObject({ durationSeconds: null, workDate: null, startAt: null })
  })
  it('should read .NET extreme dates literally instead of shifting them into the 1900s', () => {
    expect(mapWorkTicketTime({ ...row, BranchTimeZone: 'UTC', StartTime: '0001-01-01T00:00:00' }, 'UTC').startAt).toBe('0001-01-01T00:00:00.000Z')
  })
})
