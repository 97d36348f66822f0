import { describe, expect, it } from 'vitest'
import { timeOrderedIds } from './time-ordered-id'

describe('timeOrderedIds', () => {
  it('should make distinct version-7 UUIDs that sort by time, then by the order made', () => {
    const earlier = timeOrderedIds(3, Date.UTC(2026, 0, 1))
    const later = timeOrderedIds(3, Date.UTC(2026, 0, 1) + 1)
    const all = [...earlier, ...later]
    for (const id of all) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(all).size).toBe(6)
    expect([...all].sort()).toEqual(all)
  })

  it('should carry the millisecond time in its first 48 bits', () => {
    const [id] = timeOrderedIds(1, 0x0123456789ab)
    expect(id!.slice(0, 13)).toBe('01234567-89ab')
  })
})
