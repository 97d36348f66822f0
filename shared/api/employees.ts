/**
 * Synced employees (vendor workers) with the wage in force today: who the bonus engine can pay and at what rate.
 * Admins and managers only (wages are pay data).
 * @module
 */
import { z } from 'zod'
import { Vendor } from './connections'

export const EmployeeWage = z.object({
  /** Base hourly pay in integer cents, as synced. */
  hourlyCents: z.number().int(),
  /** Burden on top of base pay, in basis points (1,500 = 15 %); null when the vendor has none. */
  burdenBasisPoints: z.number().int().nullable(),
  /** The day this rate took effect (the latest on or before today). */
  effectiveDate: z.string(),
})

export const EmployeeView = z.object({
  id: z.string(),
  connectionId: z.string(),
  vendor: Vendor,
  /** The vendor's id (Aspire ContactID, Buildertrend user id, ExakTime employee id). */
  externalId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  branchExternalId: z.string().nullable(),
  active: z.boolean().nullable(),
  terminatedDate: z.string().nullable(),
  /** Null when no wage has taken effect yet (or the vendor shares none). */
  currentWage: EmployeeWage.nullable(),
})
export type EmployeeView = z.infer<typeof EmployeeView>

export const EmployeeList = z.object({
  employees: z.array(EmployeeView),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
})

/** By name, then id; keyset-paged so a sync adding employees between two pages never repeats or skips one. */
export const EmployeeListQuery = z.object({
  connectionId: z.string().min(1).max(100).optional(),
  active: z.enum(['true', 'false'], 'active must be true or false').optional(),
  limit: z.coerce.number('limit must be a number').int('limit must be a whole number').min(1, 'limit must be at least 1').max(500, 'limit may be at most 500').optional(),
  cursor: z.string().min(1).max(2000, 'cursor must be the nextCursor of a previous page').optional(),
})
export type EmployeeListQuery = z.input<typeof EmployeeListQuery>
