import { describe, expect, it } from 'vitest'
import { parseDollars } from './statement-adjustment-form'

describe('parseDollars', () => {
  it('should read dollars with up to two decimals as exact cents', () => {
    expect(parseDollars('25')).toBe(2500)
    expect(parseDollars(' $12.5 ')).toBe(1250)
    expect(parseDollars('1,234.56')).toBe(123_456)
    expect(parseDollars('0.07')).toBe(7)
  })

  it('should refuse what is not an amount, rather than guess', () => {
    for (const text of ['', 'abc', '12.345', '-5', '1e3', '12.']) expect(parseDollars(text), text).toBeNull()
  })
})
