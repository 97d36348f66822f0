import { describe, expect, it } from 'vitest'
import { formatCents, moneyFormatter } from './format-cents'
import { formatSeconds } from './format-seconds'

describe('message formatting', () => {
  it('should format cents as dollars with thousands separators', () => {
    expect([0, 5, 12_345, 123_456_789, -10_000].map(formatCents)).toEqual([
      '$0.00',
      '$0.05',
      '$123.45',
      '$1,234,567.89',
      '-$100.00',
    ])
  })

  it('should keep en-US dollars without locale data, and use the organisation\'s locale and currency otherwise', () => {
    expect(moneyFormatter()).toBe(formatCents)
    expect(moneyFormatter({ locale: 'en-US', currency: 'USD' })).toBe(formatCents)
    const euro = moneyFormatter({ locale: 'de-DE', currency: 'EUR' })
    expect([0, 123_456, -5].map((cents) => euro(cents).replace(/\u00a0/g, ' '))).toEqual(['0,00 €', '1.234,56 €', '-0,05 €'])
    expect(moneyFormatter({ locale: 'en-GB', currency: 'GBP' })(1_000_000)).toBe('£10,000.00')
  })

  it('should format seconds as hours and minutes', () => {
    expect([0, 59, 5400, 36_000].map(formatSeconds)).toEqual(['0h 00m', '0h 00m', '1h 30m', '10h 00m'])
  })
})
