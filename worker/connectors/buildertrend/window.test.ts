import { describe, expect, it } from 'vitest'
import { BuildertrendSettings } from './settings'
import { syncWindow } from './window'

const settings = BuildertrendSettings.parse({ syncStartDate: '2026-01-01' })
// Wednesday 2026-05-20, 03:00 UTC = Tuesday 22:00 in Chicago.
const now = Date.parse('2026-05-20T03:00:00Z')

describe('syncWindow', () => {
  it('should read everything from the sync start date on the first sync', () => {
    expect(syncWindow(settings, 'America/Chicago', now, false)).toEqual({ start: '2026-01-01', end: '2026-05-20' })
  })

  it('should re-read from the start of the local week minus the window weeks afterwards', () => {
    // Local today is Tuesday 2026-05-19; its week starts Sunday 2026-05-17.
    expect(syncWindow(settings, 'America/Chicago', now, true)).toEqual({ start: '2026-04-05', end: '2026-05-20' })
    expect(syncWindow({ ...settings, windowWeeks: 1 }, 'UTC', now, true)).toEqual({ start: '2026-05-10', end: '2026-05-21' })
  })

  it('should never start before the sync start date', () => {
    expect(syncWindow({ ...settings, syncStartDate: '2026-05-01' }, 'America/Chicago', now, true).start).toBe('2026-05-01')
  })

  it('should default to six weeks, full pages and the organisation zone', () => {
    expect(settings).toEqual({ syncStartDate: '2026-01-01', windowWeeks: 6, pageSize: 500 })
  })
})
