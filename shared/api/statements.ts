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
  /** Σ of the statement's line items that are not voided. */
  totalCents: z.number().int(),
  paidOn: z.string().nullable(),
  lineItems: z.array(LineItemView),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type StatementView = z.infer<typeof StatementView>

export const StatementList = z.object({ statements: z.array(StatementView) })

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
