import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { flatStringifier, stableHash, stableStringify } from './stable-hash'

describe('stableStringify', () => {
  it('should not depend on key order', () => {
    expect(stableStringify({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(stableStringify({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }))
  })
  it('should treat a missing value and undefined alike', () => {
    expect(stableStringify({ a: 1, b: undefined })).toBe(stableStringify({ a: 1 }))
  })
})

describe('stableHash', () => {
  it('should change when a value changes', async () => {
    expect(await stableHash({ a: 1 })).not.toBe(await stableHash({ a: 2 }))
    expect(await stableHash({ a: 1, b: 2 })).toBe(await stableHash({ b: 2, a: 1 }))
  })
})

describe('flatStringifier', () => {
  it('should write what stableStringify writes for records with every key present', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 8 }), fc.array(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.string())), { minLength: 8, maxLength: 8 }), (keys, values) => {
        const record = Object.fromEntries(keys.map((k, i) => [k, values[i]]))
        expect(flatStringifier(keys)(record)).toBe(stableStringify(record))
      }),
    )
  })
})
