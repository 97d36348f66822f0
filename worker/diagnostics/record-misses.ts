/**
 * Counts a report's selector misses into their aggregate rows (one per org × vendor × kind × page pattern × extension
 * version) in one statement: an existing row gets `count + n` and a new `last_seen_at`; a new key gets a row only while
 * the org has fewer than `MAX_KEYS_PER_ORG` of them, so invented patterns cannot grow the table without bound.
 * @module
 */
import type { SelectorMiss } from '../../shared/api/diagnostics'
import { nowIso } from '../util/clock'

/** Distinct miss rows one org may hold; beyond it only known rows are counted (a report may overshoot by one batch). */
export const MAX_KEYS_PER_ORG = 300

/** The report's misses, duplicates folded into one entry with their count. */
export function foldMisses(misses: readonly SelectorMiss[]): Array<SelectorMiss & { n: number }> {
  const folded = new Map<string, SelectorMiss & { n: number }>()
  for (const m of misses) {
    const key = `${m.vendor}|${m.kind}|${m.pagePattern}`
    const seen = folded.get(key)
    if (seen) seen.n++
    else folded.set(key, { vendor: m.vendor, kind: m.kind, pagePattern: m.pagePattern, n: 1 })
  }
  return [...folded.values()]
}

export async function recordMisses(d1: D1Database, orgId: string, extensionVersion: string, misses: readonly SelectorMiss[], now = Date.now()): Promise<number> {
  const rows = foldMisses(misses)
  const at = nowIso(now)
  // `WHERE true` lets SQLite parse the upsert after INSERT … SELECT. SQLite computes the SELECT before inserting
  // when it reads the target table, so the cap is checked against the rows as they were before this report.
  const result = await d1
    .prepare(
      `INSERT INTO selector_misses (org_id, vendor, kind, page_pattern, extension_version, count, first_seen_at, last_seen_at)
       SELECT ?1, j.value ->> 'vendor', j.value ->> 'kind', j.value ->> 'pagePattern', ?2, j.value ->> 'n', ?3, ?3
       FROM json_each(?4) AS j
       WHERE (SELECT count(*) FROM selector_misses WHERE org_id = ?1) < ?5
          OR EXISTS (SELECT 1 FROM selector_misses s WHERE s.org_id = ?1 AND s.vendor = j.value ->> 'vendor' AND s.kind = j.value ->> 'kind'
                     AND s.page_pattern = j.value ->> 'pagePattern' AND s.extension_version = ?2)
       ON CONFLICT (org_id, vendor, kind, page_pattern, extension_version) DO UPDATE SET
         count = count + excluded.count,
         last_seen_at = excluded.last_seen_at`,
    )
    .bind(orgId, extensionVersion, at, JSON.stringify(rows), MAX_KEYS_PER_ORG)
    .run()
  // Inserted plus updated rows: what was counted (a new key refused by the cap is not).
  return result.meta.changes ?? 0
}
