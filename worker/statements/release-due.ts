/**
 * The waiting period ends by itself (docs/domain/propay.md §13): each cron tick moves held line items whose hold is
 * over to In Process. Organisation by organisation, because "today" is the organisation's own date, and bounded, so
 * one tick never runs long; what is left waits for the next minute.
 * @module
 */
import { and, eq, isNotNull, lte, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { lineItems } from '../db/schema'
import { transitionLineItem } from '../propay/domain'
import { addDays } from '../propay/domain/iso-date'
import { inJson } from '../propay/load-job-data'
import { orgTimeZone } from '../propay/load-propays'
import { todayIn } from '../propay/today'

export interface ReleaseLimits {
  orgs: number
  itemsPerOrg: number
}

const LIMITS: ReleaseLimits = { orgs: 50, itemsPerOrg: 500 }

/** Returns how many items it released. */
export async function releaseDueHolds(db: Db, nowMs: number, now: string, limits: ReleaseLimits = LIMITS): Promise<number> {
  // No time zone is more than a day ahead of UTC: this finds every organisation that could have a hold ending today.
  const latest = addDays(todayIn('UTC', nowMs), 1)
  // Oldest hold end first: an organisation whose holds end "tomorrow" in UTC but not yet in its own zone comes last,
  // so it can never keep organisations with holds that are truly over out of the bounded tick.
  const orgs = await db
    .select({ orgId: lineItems.orgId })
    .from(lineItems)
    .where(and(eq(lineItems.status, 'held'), isNotNull(lineItems.heldUntil), lte(lineItems.heldUntil, latest)))
    .groupBy(lineItems.orgId)
    .orderBy(sql`MIN(${lineItems.heldUntil})`, lineItems.orgId)
    .limit(limits.orgs)
  let released = 0
  for (const { orgId } of orgs) {
    const today = todayIn(await orgTimeZone(db, orgId), nowMs)
    const held = await db
      .select()
      .from(lineItems)
      .where(and(eq(lineItems.orgId, orgId), eq(lineItems.status, 'held'), isNotNull(lineItems.heldUntil), lte(lineItems.heldUntil, today)))
      .limit(limits.itemsPerOrg)
    // The domain decides, as for a manager's release: an item it refuses stays held.
    const due = held.filter((item) => transitionLineItem(item, { type: 'release_if_due', today }).ok).map((item) => item.id)
    if (due.length === 0) continue
    const result = await db
      .update(lineItems)
      .set({ status: 'in_process', holdReason: null, heldUntil: null, updatedAt: now })
      .where(and(eq(lineItems.orgId, orgId), inJson(lineItems.id, due), eq(lineItems.status, 'held')))
    released += result.meta.changes
  }
  return released
}
