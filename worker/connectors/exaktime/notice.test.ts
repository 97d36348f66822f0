import { describe, expect, it } from 'vitest'
import { timeNotice } from './notice'

const base = { waiting: 0, quarantined: 0, finalizedOnly: true, approvalLevel: 'sign_off' as const, refreshedAt: '2026-11-22T08:00:00.000Z', asOfDate: '2026-11-22', now: Date.parse('2026-11-22T15:00:00Z') }

describe('timeNotice', () => {
  it('should say nothing when nothing is held back and the warehouse is fresh', () => {
    expect(timeNotice(base)).toBeNull()
  })

  it('should count time waiting for approval, with the level that makes it final', () => {
    expect(timeNotice({ ...base, waiting: 312 })).toBe('312 entries waiting for approval (sign-off or a closed pay period).')
    expect(timeNotice({ ...base, waiting: 1, approvalLevel: 'supervisor' })).toBe('1 entry waiting for approval (supervisor approval or a closed pay period).')
    expect(timeNotice({ ...base, waiting: 1312, finalizedOnly: false })).toBe('1,312 entries not yet approved, imported as provisional.')
  })

  it('should name quarantined time and a warehouse that missed its nightly refresh', () => {
    const stale = { ...base, waiting: 2, quarantined: 1, refreshedAt: '2026-11-20T08:00:00.000Z', asOfDate: '2026-11-20' }
    expect(timeNotice(stale)).toBe(
      "2 entries waiting for approval (sign-off or a closed pay period); 1 entry in ExakTime's Quarantined Time (entered after approval), held back until accepted there; data as of 2026-11-20; ExakTime's warehouse refreshes nightly.",
    )
  })
})
