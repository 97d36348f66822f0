import { describe, expect, it } from 'vitest'
import { scopeKeyFor, scopesOfJob } from './scope'
import { todayIn } from './today'

const connection = '6f1c2a3b-0000-4000-8000-000000000001'

describe('scopesOfJob', () => {
  it('should give a non-recurring job one connection-qualified scope covering the whole job', () => {
    expect(scopesOfJob(connection, { externalId: 'J:1', recurring: false }, [{ externalId: 'a', status: 'pending' }])).toEqual([
      { key: `job:${connection}:J:1`, kind: 'job', jobExternalId: 'J:1', milestoneExternalId: null },
    ])
  })

  it('should give each visit of a recurring job its own scope', () => {
    const scopes = scopesOfJob(connection, { externalId: '7', recurring: true }, [
      { externalId: '70', status: 'pending' },
      { externalId: '71', status: 'canceled' },
    ])
    expect(scopes.map((s) => [s.key, s.milestoneExternalId])).toEqual([
      [`milestone:${connection}:70`, '70'],
      [`milestone:${connection}:71`, '71'],
    ])
  })

  it('should find the key covering a milestone: its own on a recurring job, the job’s otherwise', () => {
    expect(scopeKeyFor(connection, { externalId: '7', recurring: true }, '70')).toBe(`milestone:${connection}:70`)
    expect(scopeKeyFor(connection, { externalId: '8', recurring: false }, '80')).toBe(`job:${connection}:8`)
    expect(scopeKeyFor(connection, { externalId: '8', recurring: false }, null)).toBe(`job:${connection}:8`)
  })
})

describe('todayIn', () => {
  it('should give the calendar date in the time zone, not in UTC', () => {
    const lateEveningInChicago = Date.UTC(2026, 4, 7, 3, 30) // 2026-05-06 22:30 in Chicago
    expect(todayIn('America/Chicago', lateEveningInChicago)).toBe('2026-05-06')
    expect(todayIn('UTC', lateEveningInChicago)).toBe('2026-05-07')
  })
})
