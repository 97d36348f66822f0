/**
 * The five role buckets, in the order of docs/domain/propay.md §7. The order is part of the rules: it breaks rounding
 * ties between buckets (docs/domain/propay.md §12).
 */
export const BUCKET_ROLES = ['crew', 'crew_lead', 'manager', 'company', 'other'] as const
export type BucketRole = (typeof BUCKET_ROLES)[number]

/**
 * The buckets that are paid to people; the company bucket stays with the company (docs/domain/propay.md §7
 * **Decision**).
 */
export const PAYOUT_ROLES = ['crew', 'crew_lead', 'manager', 'other'] as const
export type PayoutRole = (typeof PAYOUT_ROLES)[number]

export const compareRoles = (a: PayoutRole, b: PayoutRole) => PAYOUT_ROLES.indexOf(a) - PAYOUT_ROLES.indexOf(b)
