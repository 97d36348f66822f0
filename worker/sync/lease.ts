/**
 * Leases: a connection is synced only by whoever holds its lease token until `lease_until`. Claims are
 * single conditional UPDATEs, so two cron ticks or two consumers can never both win.
 * @module
 */
import { nowIso } from '../util/clock'

export const LEASE_MS = 2 * 60_000

export interface Claimed {
  id: string
  token: string
}

/** Claims up to `limit` due connections: scheduled for now or earlier, or with a run whose holder died. */
export async function claimDue(db: D1Database, now: number, limit = 500): Promise<Claimed[]> {
  const token = crypto.randomUUID()
  const { results } = await db
    .prepare(
      `UPDATE connections SET lease_token = ?1, lease_until = ?2
       WHERE id IN (
         SELECT id FROM connections
         WHERE deleted_at IS NULL AND paused = 0 AND status <> 'relink_needed'
           AND (next_run_at <= ?3 OR current_run_id IS NOT NULL)
           AND (lease_until IS NULL OR lease_until < ?3)
         ORDER BY next_run_at LIMIT ?4)
       RETURNING id`,
    )
    .bind(token, nowIso(now + LEASE_MS), nowIso(now), limit)
    .all<{ id: string }>()
  return results.map((r) => ({ id: r.id, token }))
}

/** Claims one connection now (force sync, first sync); null when someone else holds it. */
export async function claimOne(db: D1Database, id: string, now: number): Promise<string | null> {
  const token = crypto.randomUUID()
  const row = await db
    .prepare(
      `UPDATE connections SET lease_token = ?1, lease_until = ?2
       WHERE id = ?3 AND deleted_at IS NULL AND (lease_until IS NULL OR lease_until < ?4) RETURNING id`,
    )
    .bind(token, nowIso(now + LEASE_MS), id, nowIso(now))
    .first<{ id: string }>()
  return row ? token : null
}

export const extendLease = (db: D1Database, id: string, token: string, until: number) =>
  db.prepare('UPDATE connections SET lease_until = ?1 WHERE id = ?2 AND lease_token = ?3').bind(nowIso(until), id, token)
