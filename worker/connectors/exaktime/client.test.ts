import { describe, expect, it } from 'vitest'
import { expectedRows } from './client'

describe('how many rows an ExakTime REST page must hold', () => {
  it('should be a full page before the last one, and the remainder on the last', () => {
    expect(expectedRows({ total_count: 23 }, 1, 10)).toBe(10)
    expect(expectedRows({ total_count: 23 }, 3, 10)).toBe(3)
    expect(expectedRows({ total_count: 20 }, 3, 10)).toBe(0)
  })

  it('should not guess when the answer has no total', () => {
    expect(expectedRows({}, 1, 10)).toBeUndefined()
  })
})
