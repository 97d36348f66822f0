import { describe, expect, it } from 'vitest'
import { checkAdjustment, type StatementAdjustmentTarget } from './statement-adjustments'

const open: StatementAdjustmentTarget = { status: 'open', proPayItemCount: 1, netCents: 7_500 }
const bonus = { kind: 'bonus' as const, amountCents: 2_000, purpose: '  Safety award  ' }

describe('checkAdjustment', () => {
  it('should accept a bonus or deduction on an open statement with a ProPay, trimming the purpose', () => {
    expect(checkAdjustment(open, bonus)).toEqual({ ok: true, value: { ...bonus, purpose: 'Safety award' } })
    expect(checkAdjustment(open, { kind: 'deduction', amountCents: 7_500, purpose: 'Lost tool' }).ok).toBe(true)
  })

  it('should refuse paid and voided statements, and statements without a ProPay', () => {
    for (const status of ['paid', 'voided'] as const) {
      expect(checkAdjustment({ ...open, status }, bonus)).toEqual({
        ok: false,
        error: { code: 'statement_closed', message: `The statement is ${status}; adjustments go on an open statement.` },
      })
    }
    const empty = checkAdjustment({ ...open, proPayItemCount: 0 }, bonus)
    expect(!empty.ok && empty.error.code).toBe('no_propay')
  })

  it('should refuse zero, negative or fractional amounts and an empty purpose', () => {
    for (const amountCents of [0, -100, 12.5]) {
      const result = checkAdjustment(open, { ...bonus, amountCents })
      expect(!result.ok && result.error.code).toBe('invalid_amount')
    }
    const blank = checkAdjustment(open, { ...bonus, purpose: ' \n ' })
    expect(!blank.ok && blank.error.message).toBe('Say what the adjustment is for (purpose).')
  })

  it('should refuse a deduction larger than the statement’s net figure, naming the most it can take', () => {
    const result = checkAdjustment(open, { kind: 'deduction', amountCents: 7_501, purpose: 'Damage' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'below_zero', message: 'A $75.01 deduction would take the statement below $0.00; it can deduct at most $75.00.' },
    })
    // A bonus is never limited by the net figure.
    expect(checkAdjustment({ ...open, netCents: 0 }, bonus).ok).toBe(true)
  })
})
