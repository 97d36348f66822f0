import { type FormatMoney, formatCents } from './format-cents'
import { err, ok, type Result } from './result'
import type { Cents } from './units'

export const STATEMENT_ADJUSTMENT_KINDS = ['bonus', 'deduction'] as const
/** An extra bonus, or a deduction aimed at one worker (docs/domain/propay.md §9, §13). */
export type StatementAdjustmentKind = (typeof STATEMENT_ADJUSTMENT_KINDS)[number]

export const PURPOSE_MAX_LENGTH = 500

export interface NewAdjustment {
  readonly kind: StatementAdjustmentKind
  readonly amountCents: Cents
  readonly purpose: string
}

export interface StatementAdjustmentTarget {
  readonly status: 'open' | 'paid' | 'voided'
  /** ProPay line items on the statement that are not voided. */
  readonly proPayItemCount: number
  /** The statement's current net figure (after deductions and netting), what a deduction may take at most. */
  readonly netCents: Cents
}

export interface StatementAdjustmentError {
  readonly code: 'statement_closed' | 'no_propay' | 'invalid_amount' | 'purpose_required' | 'below_zero'
  readonly message: string
}

/**
 * Whether an adjustment may be added (docs/domain/propay.md §13): only on an open statement that already holds at
 * least one ProPay line item, with a purpose and a positive whole number of cents. A deduction may not take the
 * statement below $0 (**Decision**): it is refused when larger than the statement's current net figure, so what a
 * deduction says is what comes off, and a statement never shows a deduction that was only partly taken.
 */
export function checkAdjustment(
  target: StatementAdjustmentTarget,
  adjustment: NewAdjustment,
  money: FormatMoney = formatCents,
): Result<NewAdjustment, StatementAdjustmentError> {
  if (target.status !== 'open') {
    return err({ code: 'statement_closed', message: `The statement is ${target.status}; adjustments go on an open statement.` })
  }
  if (target.proPayItemCount === 0) {
    return err({ code: 'no_propay', message: 'The statement holds no ProPay yet; adjustments go on a statement with at least one approved ProPay.' })
  }
  if (!Number.isSafeInteger(adjustment.amountCents) || adjustment.amountCents <= 0) {
    return err({ code: 'invalid_amount', message: 'The amount must be a whole number of cents greater than 0.' })
  }
  const purpose = adjustment.purpose.trim()
  if (purpose.length === 0) return err({ code: 'purpose_required', message: 'Say what the adjustment is for (purpose).' })
  if (adjustment.kind === 'deduction' && adjustment.amountCents > target.netCents) {
    return err({
      code: 'below_zero',
      message: `A ${money(adjustment.amountCents)} deduction would take the statement below ${money(0)}; it can deduct at most ${money(target.netCents)}.`,
    })
  }
  return ok({ ...adjustment, purpose })
}
