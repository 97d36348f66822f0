import { describe, expect, it } from 'vitest'
import { PRESENCE_EVERY_MS, presenceDue, readPassCursor, writePassCursor } from './pass-cursor'

const NOW = Date.parse('2026-12-03T10:00:00Z')

describe('Aspire pass cursor', () => {
  it('should read a cursor from before it as that stamp, with a presence pass due', () => {
    const old = readPassCursor('2026-12-03T08:12:00')
    expect(old).toEqual({ modified: '2026-12-03T08:12:00', presenceAt: null, lastId: null })
    expect(presenceDue(old, NOW)).toBe(true)
    expect(readPassCursor(null)).toEqual({ modified: null, presenceAt: null, lastId: null })
  })

  it('should read back what it writes, and nothing from a cursor it cannot read', () => {
    const cursor = { modified: '2026-12-03T08:12:00', presenceAt: '2026-12-03T09:30:00.000Z', lastId: 42 }
    expect(readPassCursor(writePassCursor(cursor))).toEqual(cursor)
    expect(readPassCursor('{"modified":')).toEqual({ modified: null, presenceAt: null, lastId: null })
    expect(readPassCursor('{"modified":7}')).toEqual({ modified: null, presenceAt: null, lastId: null })
  })

  it('should make presence due an hour after the last pass started, or when its time is far ahead', () => {
    const at = (ms: number) => ({ modified: null, presenceAt: new Date(ms).toISOString(), lastId: null })
    expect(presenceDue(at(NOW - PRESENCE_EVERY_MS + 1000), NOW)).toBe(false)
    expect(presenceDue(at(NOW - PRESENCE_EVERY_MS), NOW)).toBe(true)
    expect(presenceDue(at(NOW + 60_000), NOW), 'a little ahead: another clock').toBe(false)
    expect(presenceDue(at(NOW + 2 * PRESENCE_EVERY_MS), NOW), 'far ahead: a clock set wrong').toBe(true)
  })
})
