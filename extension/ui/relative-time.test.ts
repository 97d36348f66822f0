import { describe, expect, it } from 'vitest'
import { relativeTime } from './relative-time'

describe('relativeTime', () => {
  const now = Date.parse('2026-11-22T12:00:00Z')
  it('should say "just now" within ten seconds', () => {
    expect(relativeTime('2026-11-22T11:59:55Z', now)).toBe('just now')
  })
  it('should count minutes and hours in the past and the future', () => {
    expect(relativeTime('2026-11-22T11:58:00Z', now)).toBe('2 min ago')
    expect(relativeTime('2026-11-22T12:01:00Z', now)).toBe('in 1 min')
    expect(relativeTime('2026-11-22T09:00:00Z', now)).toBe('3 h ago')
    expect(relativeTime('2026-11-19T12:00:00Z', now)).toBe('3 days ago')
    expect(relativeTime('2026-11-22T11:59:30Z', now)).toBe('30 s ago')
  })
})
