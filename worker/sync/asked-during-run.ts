/**
 * Whether someone asked for a sync after this run began (Force sync, a page-triggered sync or a new outgoing record
 * all stamp `last_forced_at`). Such a run may have read the record before it changed, so the engine follows it with
 * another at once instead of leaving the change to the next scheduled cycle.
 * @module
 */
export async function askedDuringRun(d1: D1Database, connectionId: string, runId: string): Promise<boolean> {
  const row = await d1
    .prepare('SELECT c.last_forced_at > r.started_at AS asked FROM connections c JOIN sync_runs r ON r.id = ?2 WHERE c.id = ?1')
    .bind(connectionId, runId)
    .first<{ asked: number | null }>()
  return row?.asked === 1
}
