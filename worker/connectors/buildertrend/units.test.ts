import { describe, expect, it } from 'vitest'
import { costCodeParts, moneyToCents, realDate, splitByWeights } from './units'

describe('moneyToCents', () => {
  it('should read contract prices as a number, a {value} object and a "$1,234" string', () => {
    expect(moneyToCents(1234.5)).toBe(123450)
    expect(moneyToCents({ value: 1234.5 })).toBe(123450)
    expect(moneyToCents('$1,234')).toBe(123400)
    expect(moneyToCents(' $12,345.67 ')).toBe(1234567)
  })

  it('should read {value, scale} as an amount shown with scale decimals, not as a divisor', () => {
    expect(moneyToCents({ value: 336.25, scale: 2 })).toBe(33625)
  })

  it('should keep negatives, including accounting parentheses, and give null for nothing readable', () => {
    expect(moneyToCents('($50.00)')).toBe(-5000)
    expect(moneyToCents('-$5')).toBe(-500)
    expect(moneyToCents('')).toBeNull()
    expect(moneyToCents('n/a')).toBeNull()
    expect(moneyToCents(null)).toBeNull()
    expect(moneyToCents({} as { value: number })).toBeNull()
  })

  it('should not lose a cent to floating point', () => {
    expect(moneyToCents(19.99)).toBe(1999)
    expect(moneyToCents('$0.29')).toBe(29)
  })
})

describe('realDate', () => {
  it('should turn sentinel dates into null', () => {
    for (const sentinel of ['0001-01-01T00:00:00', '2006-01-01T00:00:00', '2055-01-01T00:00:00', '2050-06-01']) expect(realDate(sentinel)).toBeNull()
    expect(realDate(null)).toBeNull()
    expect(realDate('garbage')).toBeNull()
  })

  it('should keep real dates as their date part', () => {
    expect(realDate('2026-05-20T00:00:00')).toBe('2026-05-20')
    expect(realDate('2006-01-02T00:00:00')).toBe('2006-01-02')
  })
})

describe('costCodeParts', () => {
  it('should split a numbered title into code and name, and keep the Flat Rate bucket whole', () => {
    expect(costCodeParts('02 Site Preparation')).toEqual({ code: '02', name: 'Site Preparation' })
    expect(costCodeParts('02.3070 Grading')).toEqual({ code: '02.3070', name: 'Grading' })
    expect(costCodeParts('Buildertrend Flat Rate')).toEqual({ code: null, name: 'Buildertrend Flat Rate' })
    expect(costCodeParts(null)).toEqual({ code: null, name: 'Unnamed cost code' })
  })
})

describe('splitByWeights', () => {
  it('should split by fractional weights into integers that add up to the total', () => {
    const parts = splitByWeights(26_100, [123.5, 311.5])
    expect(parts.reduce((a, b) => a + b, 0)).toBe(26_100)
    expect(parts).toEqual([7410, 18690])
    expect(splitByWeights(10, [1, 1, 1])).toEqual([4, 3, 3])
  })

  it('should split evenly when every weight is zero', () => {
    expect(splitByWeights(9, [0, 0, 0])).toEqual([3, 3, 3])
  })
})
