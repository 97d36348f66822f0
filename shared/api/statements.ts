/**
 * Line items and statements (docs/domain/propay.md §13): approval puts one line item per (ProPay, worker, role) on the
 * worker's statement for the pay period; payroll marks statements paid.
 * @module
 */
import { z } from 'zod'
import { Vendor } from './connections'
import { IsoDate, PayoutRole } from './propay-values'

export const LineItemStatus = z.enum(['held', 'in_process', 'paid', 'voided'])
export type LineItemStatus = z.infer<typeof LineItemStatus>

export const LineItemView = z.object({
  id: z.string(),
  propayId: z.string(),
  statementId: z.string(),
  /** `ST-001` style reference of its statement. */
  statementNumber: z.string(),
  connectionId: z.string(),
  workerId: z.string(),
  role: PayoutRole,
  /** `overage`: the worker's share of an over-budget ProPay's overage under negative netting; its amount is negative. */
  kind: z.enum(['bonus', 'overage']),
  amountCents: z.number().int(),
  status: LineItemStatus,
  holdReason: z.enum(['waiting_period', 'retention', 'manual']).nullable(),
  heldUntil: z.string().nullable(),
  paidOn: z.string().nullable(),
  approvalRound: z.number().int(),
  approvalDate: z.string(),
  createdAt: z.string(),
})
export type LineItemView = z.infer<typeof LineItemView>

export const StatementStatus = z.enum(['open', 'paid', 'voided'])

export const StatementAdjustmentKind = z.enum(['bonus', 'deduction'])

export type StatementAdjustmentKind = z.infer<typeof StatementAdjustmentKind>

export const StatementAdjustmentView = z.object({
  id: z.string(),
  statementId: z.string(),
  kind: StatementAdjustmentKind,
  /** Always > 0; a deduction is subtracted. */
  amountCents: z.number().int(),
  purpose: z.string(),
  createdByUserId: z.string(),
  createdAt: z.string(),
})
export type StatementAdjustmentView = z.infer<typeof StatementAdjustmentView>

export const CreateStatementAdjustmentRequest = z.object({
  kind: StatementAdjustmentKind,
  /** Whole cents, greater than 0; the kind says which way it goes. */
  amountCents: z.number().int().min(1).max(100_000_000),
  purpose: z.string().trim().min(1, 'say what the adjustment is for').max(500),
})
export type CreateStatementAdjustmentRequest = z.input<typeof CreateStatementAdjustmentRequest>

export const StatementView = z.object({
  id: z.string(),
  /** The organisation's running reference, e.g. `ST-001`. */
  number: z.string(),
  connectionId: z.string(),
  vendor: Vendor.nullable(),
  worker: z.object({ id: z.string(), name: z.string().nullable() }),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: StatementStatus,
  /**
   * The net balance, never below 0: bonus items + bonus adjustments − deductions − overage items − carried in
   * (docs/domain/propay.md §13).
   */
  totalCents: z.number().int(),
  /** Netted money rolled over from the worker's previous statement. */
  carriedInCents: z.number().int(),
  /** Set once paid: what this statement could not absorb and rolled over to the next one. */
  carryOutCents: z.number().int(),
  adjustments: z.array(StatementAdjustmentView),
  paidOn: z.string().nullable(),
  lineItems: z.array(LineItemView),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type StatementView = z.infer<typeof StatementView>

export const StatementList = z.object({ statements: z.array(StatementView) })

export type StatementList = z.infer<typeof StatementList>

export const StatementListQuery = z.object({
  /** A vendor worker id; crew leads and workers only ever get their own statements. */
  workerId: z.string().min(1).max(200).optional(),
  connectionId: z.string().min(1).max(100).optional(),
  /** Any date inside the pay period. */
  period: IsoDate.optional(),
  status: StatementStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})
export type StatementListQuery = z.input<typeof StatementListQuery>

export const PayStatementRequest = z.object({
  /** The pay date payroll chose; today (in the organisation's time zone) when left out. */
  payDate: IsoDate.optional(),
})
export type PayStatementRequest = z.input<typeof PayStatementRequest>

export const HoldLineItemRequest = z.object({
  /** The hold ends on this date (then the cron releases it); without it the item stays held until released. */
  until: IsoDate.optional(),
})
export type HoldLineItemRequest = z.input<typeof HoldLineItemRequest>

export const ExtendHoldRequest = z.object({ until: IsoDate })
export type ExtendHoldRequest = z.input<typeof ExtendHoldRequest>

export const PayrollExportQuery = z.object({
  /** Any date inside the pay period to export. */
  period: IsoDate,
  connectionId: z.string().min(1).max(100).optional(),
})
export type PayrollExportQuery = z.input<typeof PayrollExportQuery>

/**
 * The "Bonuses for Payroll" file: a UTF-8 BOM, a header record, then CRLF-ended RFC 4180 records. The BOM is
 * optional here because `Response.text()` decodes UTF-8 and drops it; the bytes on the wire always have it.
 */
export const PayrollCsv = z.string().regex(/^\uFEFF?Worker Name,Worker ID,/, 'not the Bonuses for Payroll CSV')
