import { payPeriodContaining, previousPayPeriod, type PayPeriod, type PayPeriodConfig } from './pay-period'
import type { IsoDate } from './units'

/** The pool setting that posts items to the current or the previous statement period (docs/domain/propay.md §7). */
export type PostingPeriod = 'current' | 'previous'

export interface StatementAssignment {
  /** One statement per worker × pay period: the key persistence finds or creates the statement by. */
  readonly statementKey: string
  readonly workerId: string
  readonly period: PayPeriod
}

/**
 * Picks the statement a line item goes on: its worker's statement for the pay period containing the approval date,
 * or for the period before it when the pool posts to the previous period.
 *
 * @example
 * const weekly = { frequency: 'weekly', startWeekday: 'monday' } as const
 * assignStatement({ workerId: 'w1', approvalDate: '2026-05-06' }, weekly, 'current')
 * // → { statementKey: 'w1:2026-05-04', workerId: 'w1', period: { start: '2026-05-04', end: '2026-05-10' } }
 */
export function assignStatement(
  item: { readonly workerId: string; readonly approvalDate: IsoDate },
  payPeriod: PayPeriodConfig,
  posting: PostingPeriod,
): StatementAssignment {
  const period =
    posting === 'current'
      ? payPeriodContaining(payPeriod, item.approvalDate)
      : previousPayPeriod(payPeriod, item.approvalDate)
  return { statementKey: `${encodeURIComponent(item.workerId)}:${period.start}`, workerId: item.workerId, period }
}
