import { describe, expect, it } from 'vitest'
import { formatBp, formatCents, formatHours, propayStatusLabel } from './propay-format'

describe('ProPay formatting', () => {
  it('should write money from integer cents exactly', () => {
    expect(formatCents(0)).toBe('$0.00')
    expect(formatCents(5)).toBe('$0.05')
    expect(formatCents(-5)).toBe('-$0.05')
    expect(formatCents(123_456_789)).toBe('$1,234,567.89')
    expect(formatCents(100_000)).toBe('$1,000.00')
    expect(formatCents(null)).toBe('—')
  })

  it('should write hours, percentages and statuses', () => {
    expect(formatHours(5_400)).toBe('1.5 h')
    expect(formatHours(0)).toBe('0.0 h')
    expect(formatHours(null)).toBe('—')
    expect(formatBp(2_500)).toBe('25%')
    expect(formatBp(1_250)).toBe('12.5%')
    expect(formatBp(10_000)).toBe('100%')
    expect(propayStatusLabel({ status: 'active', approvable: true })).toBe('Ready to approve')
    expect(propayStatusLabel({ status: 'active', approvable: false })).toBe('Active')
    expect(propayStatusLabel({ status: 'paid', approvable: false })).toBe('Paid')
  })
})
