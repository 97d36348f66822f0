/**
 * The shape of a tenant's generated data. Its own file so `hostile.ts` (which `generate.ts` calls) can name
 * it without importing `generate.ts` back.
 * @module
 */
import type { BtBudget, BtJob, BtShift, BtWorksheet } from '../tenant/shapes'
import type { BtUser } from './shifts'

export interface GeneratedData {
  jobs: BtJob[]
  users: BtUser[]
  shifts: BtShift[]
  budgets: BtBudget[]
  worksheets: Array<BtWorksheet & { jobId: number }>
}
