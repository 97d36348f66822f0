import type { IsoDate } from './units'

export const PROPAY_STATUSES = ['active', 'approved', 'paid', 'canceled', 'deleted'] as const
/** The stored status of a ProPay (docs/domain/propay.md §4.2); `paid` and `deleted` are terminal. */
export type ProPayStatus = (typeof PROPAY_STATUSES)[number]

/** The part of a ProPay its lifecycle rules read and change. */
export interface ProPayLifecycle {
  readonly status: ProPayStatus
  /** The approval date chosen by the manager; set while approved or paid. */
  readonly approvalDate: IsoDate | null
  /** How many times it has been approved; keeps the line items of each approval apart (see the idempotency key). */
  readonly approvalRound: number
  /** Burden and overtime cost exclusions are locked for good once approved (docs/domain/propay.md §4.2). */
  readonly costExclusionsLocked: boolean
  /** A Group ProPay member is approved and unapproved only with its group. */
  readonly groupId: string | null
}

/** A new ProPay starts active (docs/domain/propay.md §4.2). */
export const newProPayLifecycle = (groupId: string | null = null): ProPayLifecycle => ({
  status: 'active',
  approvalDate: null,
  approvalRound: 0,
  costExclusionsLocked: false,
  groupId,
})
