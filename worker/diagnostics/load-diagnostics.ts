/**
 * What an admin (or support, looking over the admin's shoulder) needs to tell a broken page reading from a broken
 * sync: the selector misses of the org, newest first, and each connection's state in facts. Credentials and settings
 * are left out on purpose.
 * @module
 */
import type { ConnectionFacts, DiagnosticsView, SelectorMissSummary } from '../../shared/api/diagnostics'
import { lastBeats } from '../cron/heartbeat'
import { VERSION } from '../version'

/** The admin view lists this many patterns; older ones are still counted. */
export const MISSES_SHOWN = 200

interface MissRow {
  vendor: SelectorMissSummary['vendor']
  kind: SelectorMissSummary['kind']
  pagePattern: string
  count: number
  firstSeenAt: string
  lastSeenAt: string
  versions: string
}

interface ConnectionRow {
  id: string
  vendor: ConnectionFacts['vendor']
  accountLabel: string
  status: ConnectionFacts['status']
  paused: number
  frequencySeconds: number
  lastRunStartedAt: string | null
  lastRunFinishedAt: string | null
  lastSuccessAt: string | null
  nextRunAt: string | null
  lastErrorCode: string | null
  lastErrorMessage: string | null
}

export async function loadDiagnostics(d1: D1Database, orgId: string): Promise<DiagnosticsView> {
  const [misses, conns] = await d1.batch([
    // Across extension versions: one line per vendor, kind and pattern, with the versions that saw it.
    d1
      .prepare(
        `SELECT vendor, kind, page_pattern AS pagePattern, sum(count) AS count, min(first_seen_at) AS firstSeenAt,
                max(last_seen_at) AS lastSeenAt, group_concat(DISTINCT extension_version) AS versions
         FROM selector_misses WHERE org_id = ?1
         GROUP BY vendor, kind, page_pattern
         ORDER BY lastSeenAt DESC, vendor, kind, pagePattern
         LIMIT ?2`,
      )
      .bind(orgId, MISSES_SHOWN),
    d1
      .prepare(
        `SELECT id, vendor, account_label AS accountLabel, status, paused, frequency_seconds AS frequencySeconds,
                last_run_started_at AS lastRunStartedAt, last_run_finished_at AS lastRunFinishedAt, last_success_at AS lastSuccessAt,
                next_run_at AS nextRunAt, last_error_code AS lastErrorCode, last_error_message AS lastErrorMessage
         FROM connections WHERE org_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id`,
      )
      .bind(orgId),
  ])
  const beats = await lastBeats(d1)
  return {
    backendVersion: VERSION,
    lastCronAt: beats.cron,
    lastQueueAt: beats.queue,
    selectorMisses: (misses!.results as unknown as MissRow[]).map(({ versions, ...m }) => ({ ...m, extensionVersions: versions.split(',').sort() })),
    connections: (conns!.results as unknown as ConnectionRow[]).map(({ paused, lastErrorCode, lastErrorMessage, ...c }) => ({
      ...c,
      paused: paused === 1,
      lastError: lastErrorCode ? { code: lastErrorCode, message: lastErrorMessage ?? '' } : null,
    })),
  }
}
