import { describe, expect, it } from 'vitest'
import { stableHash, stableStringify } from './stable-hash'

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
