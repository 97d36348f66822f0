import { describe, expect, it } from 'vitest'
import { parseDecimal, isDecimalString } from './decimal'
import { divideFloor, divideRoundHalfUp, toSafeNumber } from './integer-math'
import { addRatios, multiplyRatios, ratio, roundRatioHalfUp } from './ratio'

describe('integer math', () => {
  it('should round exact halves up and everything else to the nearest', () => {
    expect([1n, 2n, 3n, 4n, 5n].map((n) => divideRoundHalfUp(n, 2n))).toEqual([1n, 1n, 2n, 2n, 3n])
    expect(divideRoundHalfUp(149n, 100n)).toBe(1n)
    expect(divideRoundHalfUp(150n, 100n)).toBe(2n)
  })

  it('should floor divisions', () => {
    expect(divideFloor(199n, 100n)).toBe(1n)
  })

  it('should refuse negative numerators and non-positive denominators', () => {
    expect(() => divideRoundHalfUp(-1n, 2n)).toThrow(RangeError)
    expect(() => divideFloor(1n, 0n)).toThrow(RangeError)
  })

  it('should refuse to convert unsafe integers', () => {
    expect(toSafeNumber(9_007_199_254_740_991n)).toBe(Number.MAX_SAFE_INTEGER)
    expect(() => toSafeNumber(9_007_199_254_740_992n)).toThrow(RangeError)
  })
})

describe('ratios', () => {
  it('should multiply and add exactly', () => {
    const third = ratio(1, 3)
    expect(roundRatioHalfUp(multiplyRatios(addRatios(third, third), ratio(3, 2)))).toBe(1)
    expect(roundRatioHalfUp(addRatios(ratio(1, 4), ratio(1, 4)))).toBe(1)
  })

  it('should refuse a zero denominator', () => {
    expect(() => ratio(1, 0)).toThrow(RangeError)
  })
})

describe('decimal strings', () => {
  it('should parse decimals exactly', () => {
    expect(parseDecimal('1250.75')).toEqual({ numerator: 125075n, denominator: 100n })
    expect(parseDecimal('7')).toEqual({ numerator: 7n, denominator: 1n })
  })

  it('should accept only non-negative plain decimals', () => {
    expect(['0.5', '12', '003.10'].every(isDecimalString)).toBe(true)
    expect(['-1', '1e3', '.5', '1.', '', ' 1', 2].some(isDecimalString)).toBe(false)
    expect(() => parseDecimal('1,5')).toThrow(RangeError)
  })
})
