/**
 * Starting a sync now rather than at the next cron tick, and the clock that rations the starts people ask for (Force
 * sync, new outgoing records, page-triggered sync). Part of the sync engine: the HTTP routes in connections/ and
 * push/ call it, and the engine's own follow-up runs (run-step.ts) do too, so it depends on nothing HTTP-facing.
 * @module
 */
import type { Env } from '../env'
import { nowIso } from '../util/clock'
import { claimOne } from './lease'
import type { SyncMessage } from './queue-messages'

/** One person-asked start (Force sync, or one for new outgoing records) per connection per minute. */
export const FORCE_SYNC_COOLDOWN_MS = 60_000

/**
 * Claims the connection and sends its first step now, so a sync starts within seconds, not at the next
 * tick. The connection reads "syncing" from this moment: a person who just pressed Force sync sees it.
 */
export async function startSyncNow(env: Env, connectionId: string, trigger: SyncMessage['trigger'], now = Date.now()): Promise<boolean> {
  const token = await claimOne(env.DB, connectionId, now)
  if (!token) return false
  await env.DB.prepare("UPDATE connections SET status = 'syncing' WHERE id = ?1 AND lease_token = ?2 AND paused = 0").bind(connectionId, token).run()
  await env.SYNC_QUEUE.send({ kind: 'sync', connectionId, leaseToken: token, trigger } satisfies SyncMessage)
  return true
}

/**
 * A sync a person's action asks for (a new outgoing time entry or material): the same one-a-minute budget as
 * Force sync, shared with it, so posting records cannot be used to hammer the vendor. Out of the cooldown it
 * starts at once; inside it the record waits in the outbox and the connection is due when the cooldown ends (the
 * next cron tick sends it). The claim of the budget is one conditional UPDATE, so two posts cannot both start one.
 */
export async function startSyncRateLimited(env: Env, connectionId: string, now = Date.now()): Promise<boolean> {
  if (await claimStartWindow(env.DB, connectionId, now, FORCE_SYNC_COOLDOWN_MS)) return startSyncNow(env, connectionId, 'manual', now)
  await env.DB.prepare(
    `UPDATE connections SET next_run_at = strftime('%Y-%m-%dT%H:%M:%fZ', last_forced_at, '+${FORCE_SYNC_COOLDOWN_MS / 1000} seconds')
     WHERE id = ?1 AND next_run_at IS NOT NULL AND next_run_at > strftime('%Y-%m-%dT%H:%M:%fZ', last_forced_at, '+${FORCE_SYNC_COOLDOWN_MS / 1000} seconds')`,
  )
    .bind(connectionId)
    .run()
  return false
}

/**
 * Claims the start of a person-asked sync (Force sync's clock, `last_forced_at`): true when none was claimed in the last
 * `windowMs`, the stamp then set to now. One conditional UPDATE, so two requests at once cannot both claim it.
 */
export async function claimStartWindow(d1: D1Database, connectionId: string, now: number, windowMs: number): Promise<boolean> {
  const claimed = await d1
    .prepare('UPDATE connections SET last_forced_at = ?1, next_run_at = ?1 WHERE id = ?2 AND (last_forced_at IS NULL OR last_forced_at <= ?3) RETURNING id')
    .bind(nowIso(now), connectionId, nowIso(now - windowMs))
    .first<{ id: string }>()
  return claimed !== null
}
