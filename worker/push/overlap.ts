import { ApiError } from '../http/api-error'

/**
 * A worker cannot be in two places at once: refuse an entry overlapping one of theirs, whether synced
 * from the vendor or still on its way there.
 */
export async function assertNoOverlap(d1: D1Database, connectionId: string, workerExternalId: string, startAt: string, endAt: string) {
  const start = new Date(startAt).toISOString()
  const end = new Date(endAt).toISOString()
  const synced = await d1
    .prepare(
      `SELECT external_id, start_at, end_at FROM time_entries WHERE connection_id = ?1 AND worker_external_id = ?2 AND deleted_at IS NULL
       AND start_at IS NOT NULL AND end_at IS NOT NULL AND start_at < ?4 AND end_at > ?3 LIMIT 1`,
    )
    .bind(connectionId, workerExternalId, start, end)
    .first<{ external_id: string; start_at: string; end_at: string }>()
  const outgoing = await d1
    .prepare(
      `SELECT id, json_extract(payload, '$.startAt') AS start_at, json_extract(payload, '$.endAt') AS end_at FROM push_records
       WHERE connection_id = ?1 AND kind = 'time_entry' AND state IN ('pending', 'sending', 'pushed') AND json_extract(payload, '$.workerExternalId') = ?2
       AND json_extract(payload, '$.startAt') < ?4 AND json_extract(payload, '$.endAt') > ?3 LIMIT 1`,
    )
    .bind(connectionId, workerExternalId, start, end)
    .first<{ id: string; start_at: string; end_at: string }>()
  const clash = synced ?? outgoing
  if (clash) {
    throw new ApiError('conflict', `This overlaps the worker's entry from ${clash.start_at} to ${clash.end_at}. A worker's time entries may not overlap.`)
  }
}
