import { describe, expect, it } from 'vitest'
import { createRng } from './prng'

describe('createRng', () => {
  it('should repeat the same sequence for the same seed', () => {
    const a = createRng('seed-1')
    const b = createRng('seed-1')
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()))
  })

  it('should differ between seeds', () => {
    expect(createRng('a').next()).not.toBe(createRng('b').next())
  })

  it('should stay within the requested ranges', () => {
    const rng = createRng(42)
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 7)
      expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true)
      const x = rng.between(1, 2)
      expect(x >= 1 && x < 2).toBe(true)
    }
  })

  it('should shuffle without losing items', () => {
    const items = Array.from({ length: 50 }, (_, i) => i)
    const shuffled = createRng('s').shuffle(items)
    expect(shuffled).not.toEqual(items)
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items)
  })
})
