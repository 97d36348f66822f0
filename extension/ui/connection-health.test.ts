import { describe, expect, it } from 'vitest'
import { aConnection } from '../test-support/connection'
import { ACTIVE_POLL_MS, IDLE_POLL_MS, healthOf, pollDelayMs } from './connection-health'

const now = Date.parse('2026-11-22T12:00:00Z')

describe('pollDelayMs', () => {
  it('should poll every 2 s during a run and while the first sync is about to start', () => {
    expect(pollDelayMs(aConnection({ status: 'syncing', percent: 40 }), false, now)).toBe(ACTIVE_POLL_MS)
    expect(pollDelayMs(aConnection({ status: 'pending' }), false, now)).toBe(ACTIVE_POLL_MS)
  })

  it('should poll every 20 s when idle, but right after a sync due sooner', () => {
    expect(pollDelayMs(aConnection({ nextRunAt: '2026-11-22T12:15:00Z' }), false, now)).toBe(IDLE_POLL_MS)
    expect(pollDelayMs(aConnection({ nextRunAt: '2026-11-22T12:00:05Z' }), false, now)).toBe(6_000)
    expect(pollDelayMs(aConnection({ nextRunAt: '2026-11-22T11:59:00Z' }), false, now)).toBe(ACTIVE_POLL_MS)
  })

  it('should slow down after a failed call', () => {
    expect(pollDelayMs(aConnection({ status: 'syncing', percent: 10 }), true, now)).toBe(IDLE_POLL_MS)
  })
})

describe('healthOf', () => {
  it('should tell broken from busy from fine', () => {
    expect(['ok', 'syncing', 'partial', 'relink_needed', 'paused'].map((s) => healthOf(s as never))).toEqual(['good', 'busy', 'warning', 'broken', 'idle'])
  })
})
