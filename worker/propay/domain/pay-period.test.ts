import { describe, expect, it } from 'vitest'
import { payPeriodContaining, previousPayPeriod, type PayPeriodConfig } from './pay-period'
import { validatePayPeriodConfig } from './validate-pay-period'

const period = (config: PayPeriodConfig, date: string) => {
  const { start, end } = payPeriodContaining(config, date)
  return `${start}..${end}`
}

describe('payPeriodContaining', () => {
  describe('weekly', () => {
    it('should start on the configured weekday', () => {
      const monday: PayPeriodConfig = { frequency: 'weekly', startWeekday: 'monday' }
      expect(period(monday, '2026-05-06')).toBe('2026-05-04..2026-05-10')
      expect(period(monday, '2026-05-04')).toBe('2026-05-04..2026-05-10')
      expect(period(monday, '2026-05-10')).toBe('2026-05-04..2026-05-10')
      expect(period({ frequency: 'weekly', startWeekday: 'sunday' }, '2026-05-06')).toBe('2026-05-03..2026-05-09')
    })
  })

  describe('biweekly', () => {
    const biweekly: PayPeriodConfig = { frequency: 'biweekly', anchorStart: '2026-01-05' }

    it('should count 14-day periods from the anchor, in both directions', () => {
      expect(period(biweekly, '2026-05-06')).toBe('2026-04-27..2026-05-10')
      expect(period(biweekly, '2026-01-05')).toBe('2026-01-05..2026-01-18')
      expect(period(biweekly, '2025-12-30')).toBe('2025-12-22..2026-01-04')
    })
  })

  describe('semi-monthly', () => {
    it('should split months into the 1st–15th and 16th–end', () => {
      const config: PayPeriodConfig = { frequency: 'semi_monthly', startDay: 1 }
      expect(period(config, '2026-02-15')).toBe('2026-02-01..2026-02-15')
      expect(period(config, '2026-02-20')).toBe('2026-02-16..2026-02-28')
      expect(period(config, '2028-02-20')).toBe('2028-02-16..2028-02-29')
    })

    it('should follow another start day across month and year ends', () => {
      const config: PayPeriodConfig = { frequency: 'semi_monthly', startDay: 5 }
      expect(period(config, '2026-01-03')).toBe('2025-12-20..2026-01-04')
      expect(period(config, '2026-01-05')).toBe('2026-01-05..2026-01-19')
      expect(period(config, '2026-01-20')).toBe('2026-01-20..2026-02-04')
    })
  })

  describe('monthly', () => {
    it('should run from the start day to the day before it next month', () => {
      expect(period({ frequency: 'monthly', startDay: 1 }, '2026-02-14')).toBe('2026-02-01..2026-02-28')
      expect(period({ frequency: 'monthly', startDay: 15 }, '2026-01-10')).toBe('2025-12-15..2026-01-14')
      expect(period({ frequency: 'monthly', startDay: 15 }, '2026-12-20')).toBe('2026-12-15..2027-01-14')
    })
  })
})

describe('previousPayPeriod', () => {
  it('should give the period right before the one containing the date', () => {
    const previous = (config: PayPeriodConfig, date: string) => {
      const { start, end } = previousPayPeriod(config, date)
      return `${start}..${end}`
    }
    expect(previous({ frequency: 'weekly', startWeekday: 'monday' }, '2026-05-06')).toBe('2026-04-27..2026-05-03')
    expect(previous({ frequency: 'monthly', startDay: 1 }, '2026-03-01')).toBe('2026-02-01..2026-02-28')
    expect(previous({ frequency: 'semi_monthly', startDay: 1 }, '2026-03-01')).toBe('2026-02-16..2026-02-28')
  })
})

describe('validatePayPeriodConfig', () => {
  it('should accept start days every month has and refuse others', () => {
    const paths = (config: PayPeriodConfig) => validatePayPeriodConfig(config).map((issue) => issue.path)
    expect(paths({ frequency: 'monthly', startDay: 28 })).toEqual([])
    expect(paths({ frequency: 'semi_monthly', startDay: 13 })).toEqual([])
    expect(paths({ frequency: 'monthly', startDay: 29 })).toEqual(['payPeriod.startDay'])
    expect(paths({ frequency: 'semi_monthly', startDay: 14 })).toEqual(['payPeriod.startDay'])
    expect(paths({ frequency: 'weekly', startWeekday: 'funday' as never })).toEqual(['payPeriod.startWeekday'])
    expect(paths({ frequency: 'biweekly', anchorStart: '2026-02-30' })).toEqual(['payPeriod.anchorStart'])
    expect(paths({ frequency: 'quarterly' } as never)).toEqual(['payPeriod.frequency'])
  })
})
