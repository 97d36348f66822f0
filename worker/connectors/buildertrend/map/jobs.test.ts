import { describe, expect, it } from 'vitest'
import { isRealJob, jobStatusOf, mapJob, mapJobMilestone, milestoneStatusOf } from './jobs'

const job = { jobId: 41007, jobName: ' 12 Oak St – Deck Build ', status: 3, isClosed: false, dateOpened: '2026-01-02T00:00:00', projectedStartDate: '2026-01-10T00:00:00', actualStartDate: '0001-01-01T00:00:00', projectedClosingDate: '2055-01-01T00:00:00' }

describe('job status', () => {
  it('should read the status numbers and trust them over a contradicting isClosed', () => {
    expect(jobStatusOf({ status: 0, isClosed: false })).toBe('completed')
    expect(jobStatusOf({ status: 3, isClosed: true })).toBe('in_progress')
    expect(jobStatusOf({ status: 1, isClosed: false })).toBe('in_progress')
    expect(jobStatusOf({ status: 4, isClosed: false })).toBe('pending')
  })

  it('should fall back to isClosed for an unknown status', () => {
    expect(jobStatusOf({ status: 9, isClosed: true })).toBe('completed')
    expect(jobStatusOf({ status: null, isClosed: false })).toBe('pending')
  })

  it('should put a closed job milestone up for bonus review', () => {
    expect(milestoneStatusOf({ status: 0, isClosed: false })).toBe('pending_review')
    expect(milestoneStatusOf({ status: 3, isClosed: true })).toBe('in_progress')
  })
})

describe('mapJob', () => {
  it('should drop the General pseudo-job and rows without an id', () => {
    expect(isRealJob({ ...job, jobId: 0, jobName: 'General' })).toBe(false)
    expect(isRealJob({ ...job, jobId: null })).toBe(false)
    expect(isRealJob(job)).toBe(true)
  })

  it('should map a job with its contract price in cents and sentinel dates as null', () => {
    expect(mapJob(job, '$1,234')).toMatchObject({
      externalId: '41007',
      name: '12 Oak St – Deck Build',
      status: 'in_progress',
      vendorStatus: 'Active',
      recurring: false,
      contractPriceCents: 123400,
      startDate: '2026-01-10',
      endDate: null,
    })
    expect(mapJob(job, { value: 99.5 }).contractPriceCents).toBe(9950)
    expect(mapJob(job, null).contractPriceCents).toBeNull()
  })

  it('should give each job one milestone with the same id', () => {
    expect(mapJobMilestone({ ...job, status: 0 })).toMatchObject({ externalId: '41007', jobExternalId: '41007', status: 'pending_review', vendorStatus: '0', vendorStatusName: 'Closed' })
  })
})
