import { describe, expect, it } from 'vitest'
import { propayStatusLabel } from './propay-format'

describe('ProPay formatting', () => {
  it('should name statuses as a manager acts on them', () => {
    expect(propayStatusLabel({ status: 'active', approvable: true })).toBe('Ready to approve')
    expect(propayStatusLabel({ status: 'active', approvable: false })).toBe('Active')
    expect(propayStatusLabel({ status: 'paid', approvable: false })).toBe('Paid')
  })
})
