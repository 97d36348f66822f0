import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isLegacyHash, rowHash } from './row-hash'

describe('rowHash', () => {
  it('should give the same text the same hash, in its stored form', () => {
    expect(rowHash('["a",1,null]')).toBe(rowHash('["a",1,null]'))
    expect(rowHash('["a",1,null]')).toMatch(/^2:[0-9a-f]{16}$/)
    expect(isLegacyHash(rowHash(''))).toBe(false)
    expect(isLegacyHash('Xk3b2v_Qm1n8s0aA5yZ4r7tW9uE6iO2pL1kJ3hG5fD8')).toBe(true)
  })

  it('should tell apart texts that differ in one character, in order, or in length', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 400 }), fc.nat(), fc.integer({ min: 1, max: 0xffff }), (text, at, delta) => {
        const i = at % text.length
        const changed = text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) + delta) % 0x10000) + text.slice(i + 1)
        expect(rowHash(changed)).not.toBe(rowHash(text))
        expect(rowHash(`${text}\u0000`)).not.toBe(rowHash(text))
      }),
    )
    expect(rowHash('[1,2]')).not.toBe(rowHash('[2,1]'))
  })

  it('should spread the hashes of many near-identical rows without a collision', () => {
    const seen = new Set(Array.from({ length: 200_000 }, (_, i) => rowHash(`["${1000 + (i % 300)}","2026-05-${i}",14400,${i}]`)))
    expect(seen.size).toBe(200_000)
  })
})
