import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonScalar } from './json-scalar'

describe('jsonScalar', () => {
  it('should write exactly what JSON.stringify writes for any string, number or boolean', () => {
    const scalar = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string(), fc.double(), fc.integer(), fc.maxSafeInteger(), fc.boolean())
    fc.assert(
      fc.property(scalar, (value) => {
        if (jsonScalar(value) !== JSON.stringify(value)) throw new Error(`${jsonScalar(value)} instead of ${JSON.stringify(value)}`)
      }),
      { numRuns: 5000 },
    )
  })

  it('should escape what must be escaped and write null for what JSON cannot hold', () => {
    const cases: unknown[] = ['quote " and \\', 'line\nbreak', '\u0000', '\u2028\u2029', '\ud800 alone', 'pair 👷🏽‍♀️', '', -0, 1e21, 5e-7, Number.NaN, Number.POSITIVE_INFINITY, null, { a: 1 }, [1, 'x']]
    for (const value of cases) expect(jsonScalar(value), String(value)).toBe(JSON.stringify(value ?? null))
    expect(jsonScalar(undefined)).toBe('null')
  })
})
