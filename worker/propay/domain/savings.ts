import type { NoBonusReason, SavingsBreakdown } from './breakdown'
import { type FormatMoney, formatCents } from './format-cents'
import { divideFloor, toSafeNumber } from './integer-math'
import type { Warning } from './issues'
import { FULL_BP, type BasisPoints, type Cents } from './units'

/**
 * saved = budget − actual; worker share = floor(saved × split) (docs/domain/propay.md §12). Disqualified, over budget
 * (saved ≤ 0) or an hours budget that cannot be priced yet all mean no bonus: the worker share is 0, never negative.
 */
export function computeSavings(
  laborBudgetCents: Cents | null,
  actualCents: Cents,
  splitBp: BasisPoints,
  disqualified: boolean,
): SavingsBreakdown {
  const savedCents = laborBudgetCents === null ? null : laborBudgetCents - actualCents
  const noBonusReason: NoBonusReason | null = disqualified
    ? 'disqualified'
    : savedCents === null
      ? 'budget_not_priced'
      : savedCents <= 0
        ? 'over_budget'
        : null
  const workerShareCents =
    noBonusReason === null ? toSafeNumber(divideFloor(BigInt(savedCents!) * BigInt(splitBp), BigInt(FULL_BP))) : 0
  return { savedCents, splitBp, workerShareCents, noBonusReason }
}

/** Explains a $0 bonus, so the reader does not have to guess why. */
export function noBonusWarnings(savings: SavingsBreakdown, money: FormatMoney = formatCents): Warning[] {
  switch (savings.noBonusReason) {
    case null:
      return []
    case 'disqualified':
      return [{ code: 'disqualified', message: `A disqualifier failed: every payout of this ProPay is ${money(0)}.` }]
    case 'over_budget':
      return [
        {
          code: 'over_budget',
          message: `Labor is ${money(-savings.savedCents!)} over budget: no bonus is paid (pay is not reduced).`,
        },
      ]
    case 'budget_not_priced':
      return [
        {
          code: 'budget_not_priced',
          message: 'No time is logged yet, so the hours budget has no money value and there are no savings.',
        },
      ]
  }
}
