import { describe, expect, it } from 'vitest'
import { centsToDecimal, createOrgFormat } from './org-format'

// Intl writes a no-break space (U+00A0) or narrow no-break space (U+202F) where a person sees a space.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('organisation formatting', () => {
  const us = createOrgFormat({ locale: 'en-US', currency: 'USD', timeZone: 'America/Chicago' })
  const berlin = createOrgFormat({ locale: 'de-DE', currency: 'EUR', timeZone: 'Europe/Berlin' })

  it('should write integer cents exactly, in the organisation’s currency and locale', () => {
    expect([0, 5, -5, 123_456_789, 100_000].map(us.money)).toEqual(['$0.00', '$0.05', '-$0.05', '$1,234,567.89', '$1,000.00'])
    expect([0, 5, -5, 123_456_789].map((c) => plain(berlin.money(c)))).toEqual(['0,00 €', '0,05 €', '-0,05 €', '1.234.567,89 €'])
    // Beyond what a float divided by 100 keeps exactly: the cents still come out as sent.
    expect(us.money(900_719_925_474_099)).toBe('$9,007,199,254,740.99')
    expect(plain(berlin.moneyPerHour(2_550))).toBe('25,50 €/h')
    expect(us.money(null)).toBe('—')
    expect(() => us.money(1.5)).toThrow(RangeError)
    expect(centsToDecimal(-7)).toBe('-0.07')
  })

  it('should write hours and percentages with the locale’s decimal mark', () => {
    expect([5_400, 0].map(us.hours)).toEqual(['1.5 h', '0.0 h'])
    expect(berlin.hours(5_400)).toBe('1,5 h')
    expect([2_500, 1_250, 10_000].map(us.percent)).toEqual(['25%', '12.5%', '100%'])
    expect(plain(berlin.percent(1_250))).toBe('12,5 %')
    expect(us.percent(undefined)).toBe('—')
  })

  it('should show an instant near midnight on the day it is in the organisation’s zone', () => {
    // 23:30 UTC on 14 March is already 00:30 on the 15th in Berlin, still the 14th in Chicago.
    const instant = '2026-03-14T23:30:00Z'
    expect(berlin.dayOf(instant)).toBe('2026-03-15')
    expect(us.dayOf(instant)).toBe('2026-03-14')
    expect(plain(berlin.dateTime(instant))).toBe('15.03.2026, 00:30')
    expect(plain(us.dateTime(instant))).toBe('Mar 14, 2026, 6:30 PM')
    expect([berlin.date(instant), us.date(instant)]).toEqual(['15.03.2026', 'Mar 14, 2026'])
  })

  it('should write a calendar date as that date whatever the zone', () => {
    expect(berlin.date('2026-03-15')).toBe('15.03.2026')
    expect(us.date('2026-03-15')).toBe('Mar 15, 2026')
    expect(createOrgFormat({ timeZone: 'Pacific/Kiritimati' }).date('2026-01-01')).toBe('Jan 1, 2026')
    expect(us.date(null)).toBe('—')
  })

  it('should fall back to en-US, USD and UTC for settings Intl refuses or a session that lacks them', () => {
    const f = createOrgFormat({ locale: 'not a locale!', currency: 'EURO', timeZone: 'Mars/Olympus' })
    expect(f.settings).toEqual({ locale: 'en-US', currency: 'USD', timeZone: 'UTC' })
    expect(f.money(1_234)).toBe('$12.34')
    expect(createOrgFormat({}).settings).toEqual({ locale: 'en-US', currency: 'USD', timeZone: 'UTC' })
  })
})
