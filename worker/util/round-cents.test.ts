import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { roundNoisyCents } from './round-cents'

/** What the connectors did before: round to four decimals through a string, then to whole cents. */
const reference = (x: number) => Math.round(Number(x.toFixed(4)))

describe('roundNoisyCents', () => {
  it('should drop float noise before rounding half cents up', () => {
    expect(roundNoisyCents(0.285 * 100)).toBe(29)
    expect(roundNoisyCents(132.3 * 100)).toBe(13_230)
    expect(roundNoisyCents(-1.005 * 100)).toBe(reference(-1.005 * 100))
  })

  it('should give exactly what Math.round(Number(x.toFixed(4))) gives, zero signs, NaN and infinities included', () => {
    for (const x of [0, -0, 0.5, -0.5, 1.5, -1.5, 2.49995, 2.49994, -2.50005, 1e-9, -1e-9, -1e-20, 0.49999999, 1e21, -1e21, 2 ** 53 + 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(Object.is(roundNoisyCents(x), reference(x)), String(x)).toBe(true)
    }
    // Dollar amounts as vendors write them (up to 4 decimals), times 100 as the mappers do.
    const dollars = fc.tuple(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), fc.constantFrom(1, 10, 100, 1000, 10_000)).map(([n, d]) => (n / d) * 100)
    // Values right around half cents, where the noise decides.
    const nearHalf = fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ min: -0.001, max: 0.001, noNaN: true })).map(([k, e]) => k + 0.5 + e)
    fc.assert(
      fc.property(fc.oneof(dollars, nearHalf, fc.double()), (x) => Object.is(roundNoisyCents(x), reference(x))),
      { numRuns: 20_000 },
    )
  })
})
