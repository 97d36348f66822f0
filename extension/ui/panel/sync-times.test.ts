import { describe, expect, it } from 'vitest'
import { aConnection } from '../../test-support/connection'
import { lastSyncText, nextSyncText } from './sync-times'

const now = Date.parse('2026-11-22T12:00:00Z')

describe('sync times', () => {
  it('should say when the last sync finished, or that there was none', () => {
    expect(lastSyncText(aConnection({ lastRunFinishedAt: '2026-11-22T11:59:30Z' }), now)).toBe('30 s ago')
    expect(lastSyncText(aConnection({ lastRunFinishedAt: '2026-11-22T09:00:00Z' }), now)).toBe('3 h ago')
    expect(lastSyncText(aConnection({ lastRunFinishedAt: null }), now)).toBe('never')
  })

  it('should say when the next sync starts, in the words that fit its state', () => {
    expect(nextSyncText(aConnection({ nextRunAt: '2026-11-22T12:14:00Z' }), now)).toBe('in 14 min')
    expect(nextSyncText(aConnection({ nextRunAt: '2026-11-22T12:00:05Z' }), now)).toBe('any moment')
    expect(nextSyncText(aConnection({ status: 'syncing', percent: 10 }), now)).toBe('running now')
    expect(nextSyncText(aConnection({ paused: true, status: 'paused' }), now)).toBe('paused')
    expect(nextSyncText(aConnection({ nextRunAt: null }), now)).toBe('not scheduled')
  })
})
