/**
 * Sends the connection's outbox to the vendor at the start of each sync step, so the pull that follows
 * brings the vendor's copy back, matched by the vendor id stored here (no echo, no duplicate).
 * @module
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import type { Db } from '../db/client'
import { pushRecords, syncConflicts } from '../db/schema'
import { nowIso } from '../util/clock'
import type { Connector, PushContext, PushItem, PushKind, SyncContext } from './connector'
import { secretScrubber } from './scrub-secrets'
import { VendorError } from './vendor-error'

export const MAX_PUSH_ATTEMPTS = 8
const PUSHES_PER_STEP = 25

export async function runPushes(db: Db, connector: Connector<unknown, unknown>, ctx: SyncContext, orgId: string): Promise<void> {
  if (!connector.push) return
  // Refusals quote the vendor, which may quote what we sent: stored reasons never keep a credential.
  const scrub = secretScrubber(connector.secrets(ctx.credentials))
  const due = await db
    .select()
    .from(pushRecords)
    .where(and(eq(pushRecords.connectionId, ctx.connectionId), inArray(pushRecords.state, ['pending', 'sending'])))
    .orderBy(asc(pushRecords.createdAt))
    .limit(PUSHES_PER_STEP)
  for (const row of due) {
    const now = nowIso(ctx.now)
    const handler = connector.push[row.kind]
    const update = (set: Partial<typeof pushRecords.$inferInsert>) => db.update(pushRecords).set({ ...set, updatedAt: now }).where(eq(pushRecords.id, row.id))
    if (!handler) {
      await update({ state: 'failed', lastError: `This vendor does not accept ${row.kind.replace('_', ' ')}s.` })
      continue
    }
    if (row.attempts >= MAX_PUSH_ATTEMPTS) {
      await update({ state: 'failed', lastError: `Gave up after ${row.attempts} attempts: ${row.lastError ?? 'the vendor kept failing'}` })
      continue
    }
    let marked = false
    const pushCtx: PushContext = {
      ...ctx,
      async markSending(recovery) {
        marked = true
        await update({ state: 'sending', attempts: row.attempts + 1, ...(recovery ? { recovery } : {}) })
      },
      claimedVendorIds: (kind: PushKind) => claimedIds(db, ctx.connectionId, kind, row.id),
    }
    const item: PushItem = {
      id: row.id,
      operation: row.operation,
      state: row.state as PushItem['state'],
      payload: row.payload,
      vendorExternalId: row.vendorExternalId,
      baseVendorModified: row.baseVendorModified,
      recovery: row.recovery ?? null,
    }
    try {
      const outcome = await handler(pushCtx, item)
      if (outcome.state === 'pushed') {
        await update({ state: 'pushed', vendorExternalId: outcome.vendorExternalId, pushedAt: now, lastError: null })
      } else if (outcome.state === 'failed') {
        await update({ state: 'failed', lastError: scrub(outcome.reason) })
      } else {
        await db.batch([
          update({ state: 'conflict', lastError: scrub(outcome.reason) }),
          db.insert(syncConflicts).values({
            id: crypto.randomUUID(),
            orgId,
            connectionId: ctx.connectionId,
            kind: row.kind,
            vendorExternalId: row.vendorExternalId,
            pushRecordId: row.id,
            ours: row.payload,
            theirs: outcome.theirs,
            resolution: scrub(outcome.reason),
            createdAt: now,
          }),
        ])
      }
    } catch (err) {
      if (err instanceof VendorError && err.action === 'relink') throw err
      const message = scrub(err instanceof Error ? err.message : String(err))
      // Not applied for sure, or unknown ("sending"): either way the next attempt starts by looking.
      await update({ lastError: message, ...(marked ? {} : { attempts: row.attempts + 1 }) })
      // The vendor is struggling: leave the rest of the outbox for the next step.
      if (err instanceof VendorError) return
      throw err
    }
  }
}

async function claimedIds(db: Db, connectionId: string, kind: PushKind, exceptId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: pushRecords.vendorExternalId })
    .from(pushRecords)
    .where(and(eq(pushRecords.connectionId, connectionId), eq(pushRecords.kind, kind), eq(pushRecords.operation, 'create'), ne(pushRecords.id, exceptId)))
  return new Set(rows.map((r) => r.id).filter((id): id is string => id !== null))
}

export async function hasPendingPushes(db: Db, connectionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: pushRecords.id })
    .from(pushRecords)
    .where(and(eq(pushRecords.connectionId, connectionId), inArray(pushRecords.state, ['pending', 'sending'])))
    .limit(1)
  return !!row
}
