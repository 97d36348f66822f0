import { splitByLargestRemainder } from './largest-remainder'
import { BUCKET_ROLES, type BucketRole } from './roles'
import { FULL_BP, type BasisPoints, type Cents } from './units'
import { checkId, checkInteger, found, type ValidationIssue } from './validation-issue'

/**
 * The bonus pool copied onto a ProPay at creation (docs/domain/propay.md §7): the split of the savings that goes to
 * people and how that part is shared among the five role buckets.
 */
export interface PoolConfig {
  /** Split job savings %: the part of the savings that goes to people. */
  readonly splitBp: BasisPoints
  /** Must total 100% (10000 bp). */
  readonly bucketsBp: Readonly<Record<BucketRole, BasisPoints>>
  /** Who shares the other bucket, equally; required when the other bucket is above 0%. */
  readonly otherRecipientIds: readonly string[]
}

/**
 * Checks a pool can be used: whole basis points from 0 to 100% each, buckets totalling exactly 100%, and recipients
 * listed for a non-zero other bucket.
 *
 * @example
 * const bucketsBp = { crew: 7000, crew_lead: 2000, manager: 500, company: 0, other: 0 }
 * validatePool({ splitBp: 5000, bucketsBp, otherRecipientIds: [] })
 * // → [{ path: 'pool.bucketsBp', message: 'Role buckets must total 100% (10000 bp); they total 95% (9500 bp).' }]
 */
export function validatePool(pool: PoolConfig, path = 'pool'): ValidationIssue[] {
  const issues = found(
    checkInteger(pool.splitBp, `${path}.splitBp`, { min: 0, max: FULL_BP }),
    ...BUCKET_ROLES.map((role) =>
      checkInteger(pool.bucketsBp[role], `${path}.bucketsBp.${role}`, { min: 0, max: FULL_BP }),
    ),
    ...pool.otherRecipientIds.map((id, index) => checkId(id, `${path}.otherRecipientIds[${index}]`)),
  )
  if (issues.length > 0) return issues

  const total = BUCKET_ROLES.reduce((sum, role) => sum + pool.bucketsBp[role], 0)
  if (total !== FULL_BP) {
    issues.push({
      path: `${path}.bucketsBp`,
      message: `Role buckets must total 100% (10000 bp); they total ${total / 100}% (${total} bp).`,
    })
  }
  if (pool.bucketsBp.other > 0 && pool.otherRecipientIds.length === 0) {
    issues.push({
      path: `${path}.otherRecipientIds`,
      message: 'The other bucket is above 0%, so it needs at least one recipient.',
    })
  }
  return issues
}

/**
 * Splits the worker share into the five buckets by largest remainder, ties going to buckets in the order crew, crew
 * lead, manager, company, other (docs/domain/propay.md §12). The buckets always sum to the worker share.
 */
export function splitIntoBuckets(
  workerShareCents: Cents,
  bucketsBp: Readonly<Record<BucketRole, BasisPoints>>,
): Record<BucketRole, Cents> {
  const parts = BUCKET_ROLES.map((role) => ({ key: role, weight: BigInt(bucketsBp[role]) }))
  const amounts = splitByLargestRemainder(workerShareCents, parts)
  return Object.fromEntries(amounts.map(({ key, amountCents }) => [key, amountCents])) as Record<BucketRole, Cents>
}
