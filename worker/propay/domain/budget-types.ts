import type { DecimalString } from './decimal'
import type { BasisPoints, Cents, Seconds } from './units'

export const BUDGET_TYPES = ['hours', 'amount', 'contract_price', 'rate', 'task_hours', 'task_amount'] as const
export type BudgetType = (typeof BUDGET_TYPES)[number]

/** One budget line of the task budget types, matched to time entries by `TimeEntry.taskId`. */
export interface TaskHoursLine {
  readonly taskId: string
  readonly budgetSeconds: Seconds
}

export interface TaskAmountLine {
  readonly taskId: string
  readonly amountCents: Cents
}

/** The synced or entered labor budget of a ProPay, by budget type (docs/domain/propay.md §5.1). */
export type BudgetSpec =
  /** Person-hours (summed over workers), priced at the blended wage of the time actually worked. */
  | { readonly type: 'hours'; readonly budgetSeconds: Seconds }
  /** A fixed labor amount (not the contract price). */
  | { readonly type: 'amount'; readonly amountCents: Cents }
  | { readonly type: 'contract_price'; readonly contractPriceCents: Cents; readonly laborBudgetBp: BasisPoints }
  /** Rate per unit × quantity, e.g. cents per square foot × `'1250.5'` square feet. */
  | { readonly type: 'rate'; readonly rateCentsPerUnit: Cents; readonly quantity: DecimalString }
  | { readonly type: 'task_hours'; readonly tasks: readonly TaskHoursLine[] }
  | { readonly type: 'task_amount'; readonly tasks: readonly TaskAmountLine[] }

export const ADJUSTMENT_KINDS = [
  'none',
  'percentage_increase',
  'percentage_decrease',
  'multiply',
  'manual_amount',
  'manual_hours',
] as const
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number]

/**
 * A budget adjustment on one ProPay (docs/domain/propay.md §5.2). Stored apart from the synced budget so a sync never
 * erases it; `none` restores the original.
 */
export type BudgetAdjustment =
  | { readonly kind: 'none' }
  | { readonly kind: 'percentage_increase'; readonly bp: BasisPoints }
  /** At most 100% (10000 bp): a budget never goes below zero. */
  | { readonly kind: 'percentage_decrease'; readonly bp: BasisPoints }
  /** The factor in basis points: 2.0 = 20000, 0.5 = 5000. */
  | { readonly kind: 'multiply'; readonly factorBp: BasisPoints }
  /** Replaces the budget with a dollar amount. */
  | { readonly kind: 'manual_amount'; readonly amountCents: Cents }
  /** Replaces the budget with person-hours, priced at the blended wage. */
  | { readonly kind: 'manual_hours'; readonly seconds: Seconds }

export const NO_ADJUSTMENT: BudgetAdjustment = { kind: 'none' }

/** The company-wide budget modifier allows 1–200% (docs/domain/propay.md §5.1). */
export const MIN_BUDGET_MODIFIER_BP = 100
export const MAX_BUDGET_MODIFIER_BP = 20_000
