import { describe, expect, it } from 'vitest'
import { timeNotice } from './notice'

const base = { waiting: 0, quarantined: 0, finalizedOnly: true, approvalLevel: 'sign_off' as const, newestDay: '2026-11-21', today: '2026-11-22' }

describe('timeNotice', () => {
  it('should say nothing when nothing is held back and the warehouse has recent time', () => {
    expect(timeNotice(base)).toBeNull()
    // Friday's time on Monday is a weekend, not a missed refresh; a window with no time at all names no day.
    expect(timeNotice({ ...base, newestDay: '2026-11-20', today: '2026-11-23' })).toBeNull()
    expect(timeNotice({ ...base, newestDay: null })).toBeNull()
  })

  it('should count time waiting for approval, with the level that makes it final', () => {
    expect(timeNotice({ ...base, waiting: 312 })).toBe('312 entries waiting for approval (sign-off or a closed pay period).')
    expect(timeNotice({ ...base, waiting: 1, approvalLevel: 'supervisor' })).toBe('1 entry waiting for approval (supervisor approval or a closed pay period).')
    expect(timeNotice({ ...base, waiting: 1312, finalizedOnly: false })).toBe('1,312 entries not yet approved, imported as provisional.')
  })

  it('should name quarantined time and the newest day when the warehouse has had no time for days', () => {
    const quiet = { ...base, waiting: 2, quarantined: 1, newestDay: '2026-11-18' }
    expect(timeNotice(quiet)).toBe(
      "2 entries waiting for approval (sign-off or a closed pay period); 1 entry in ExakTime's Quarantined Time (entered after approval), held back until accepted there; the newest time in ExakTime's warehouse is from 2026-11-18; it refreshes nightly, so if people clocked in since, last night's refresh did not happen.",
    )
  })
})
