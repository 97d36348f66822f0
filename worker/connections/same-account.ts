/**
 * Whether credentials reach the account a connection already holds. By the vendor's stable account id when both
 * sides have one (a Buildertrend company renamed since it was connected is still the same company); by the label
 * otherwise (vendors without an id, and connections stored before ids were kept).
 * @module
 */
import { and, eq, isNull, or, type SQL } from 'drizzle-orm'
import { connections } from '../db/schema'
import type { VerifiedAccount } from '../sync/connector'

export function isSameAccount(verified: VerifiedAccount, stored: { accountLabel: string; accountId: string | null }): boolean {
  if (verified.accountId && stored.accountId) return verified.accountId === stored.accountId
  return verified.accountLabel === stored.accountLabel
}

/** The same rule as a query condition: the connections of the same account, for "already connected". */
export function sameAccountAs(verified: VerifiedAccount): SQL {
  const byLabel = eq(connections.accountLabel, verified.accountLabel)
  if (!verified.accountId) return byLabel
  return or(eq(connections.accountId, verified.accountId), and(isNull(connections.accountId), byLabel))!
}
