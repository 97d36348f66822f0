/**
 * A connection as the API shows it: status and progress in words a person acts on, never credentials.
 * @module
 */
import type { ConnectionView, StreamView } from '../../shared/api/connections'
import type { connections, syncStreams } from '../db/schema'
import type { Stream } from '../sync/connector'
import { skipNotice } from '../sync/guard/skip-tally'
import { FORCE_SYNC_COOLDOWN_MS } from '../sync/start-sync'

type ConnectionRow = typeof connections.$inferSelect
type StreamRow = typeof syncStreams.$inferSelect

function etaSeconds(startedAt: string | null, fraction: number | null, now: number): number | null {
  if (!startedAt || fraction === null || fraction <= 0.01 || fraction >= 1) return null
  const elapsed = (now - Date.parse(startedAt)) / 1000
  return Math.max(1, Math.round((elapsed * (1 - fraction)) / fraction))
}

function streamView(def: Pick<Stream, 'name' | 'label' | 'cadence'>, row: StreamRow | undefined, runId: string | null, now: number): StreamView {
  const done = !!row && !!runId && row.completedRunId === runId
  const inPass = !!row && row.checkpoint !== null && row.checkpoint !== undefined
  const fraction = done ? 1 : row?.progress !== null && row?.progress !== undefined ? row.progress / 1000 : null
  const phase = !row || (!inPass && !row.completedRunId && row.status === 'pending')
    ? 'Waiting'
    : row.status === 'partial'
      ? 'Will retry'
      : runId && !done
        ? row.backfilled ? 'Checking for changes' : inPass ? 'Backfilling' : 'Queued'
        : 'Up to date'
  return {
    name: def.name,
    label: def.label,
    status: row?.status ?? 'pending',
    phase,
    recordsThisPass: row?.recordsThisPass ?? 0,
    percent: fraction === null ? null : Math.round(fraction * 100),
    etaSeconds: runId && !done ? etaSeconds(row?.passStartedAt ?? null, fraction, now) : null,
    added: row?.added ?? 0,
    updated: row?.updated ?? 0,
    deleted: row?.deleted ?? 0,
    lastSuccessAt: row?.lastSuccessAt ?? null,
    lastError: row?.lastErrorMessage ?? null,
    notice: noticeOf(row),
    cadence: def.cadence ?? null,
  }
}

/** The connector's notice, then what the value rules skipped in the last complete pass (or the first pass so far). */
function noticeOf(row: StreamRow | undefined): string | null {
  const parts = [row?.notice, skipNotice(row?.skips ?? row?.skipsThisPass)].filter((p): p is string => !!p)
  return parts.length ? parts.join(' ') : null
}

/** How far the bonus pass after a run's pull has got (propay_sync_passes), while one is under way. */
export interface BonusProgress {
  jobsDone: number
  jobsTotal: number
}

/** After the pull the run is still open while the bonus pass updates ProPays: say so, rather than "100% done". */
function bonusText(bonus: BonusProgress | undefined): string {
  const jobs = bonus && bonus.jobsTotal > 0 ? ` (${Math.min(bonus.jobsDone, bonus.jobsTotal)} of ${bonus.jobsTotal} jobs)` : ''
  return `updating ProPays${jobs}`
}

function statusText(c: ConnectionRow, firstSync: boolean, percent: number | null, pulled: boolean, bonus: BonusProgress | undefined): string {
  const error = c.lastErrorMessage ?? ''
  switch (c.status) {
    case 'pending':
      return 'Waiting for the first sync to start.'
    case 'syncing':
      if (pulled) return firstSync ? `First sync in progress: data synced, ${bonusText(bonus)}.` : `Syncing now: ${bonusText(bonus)}.`
      return firstSync ? `First sync in progress${percent === null ? '' : `: ${percent}% done`}.` : 'Syncing now.'
    case 'ok':
      return 'Up to date.'
    case 'partial':
      return `Some data could not be synced: ${error} It retries automatically.`
    case 'failed':
      return `The last sync failed: ${error}`
    case 'paused':
      return 'Paused. Resume to continue syncing; nothing is lost.'
    case 'relink_needed':
      return `${error} Reconnect to resume syncing; the data already synced is kept.`
  }
}

export function toConnectionView(
  c: ConnectionRow,
  streams: Pick<Stream, 'name' | 'label' | 'cadence'>[],
  rows: StreamRow[],
  now = Date.now(),
  bonus?: BonusProgress,
): ConnectionView {
  const views = streams.map((s) => streamView(s, rows.find((r) => r.stream === s.name), c.currentRunId, now))
  // Until a run has succeeded the user is waiting for their data: that is the first sync.
  const firstSync = c.lastSuccessAt === null
  const running = c.currentRunId !== null
  // Every stream is through this run's pull; the run stays open until the bonus pass is too (worker/sync/run-step.ts).
  const pulled = running && streams.every((s) => rows.find((r) => r.stream === s.name)?.completedRunId === c.currentRunId)
  // Not 100% while the run is open: it is not done.
  const percent = running ? Math.min(99, Math.round(views.reduce((sum, v) => sum + (v.percent ?? 0), 0) / Math.max(1, views.length))) : null
  const status = c.paused ? 'paused' : c.status
  return {
    id: c.id,
    vendor: c.vendor,
    accountLabel: c.accountLabel,
    status,
    statusText: statusText({ ...c, status }, firstSync, percent, pulled, bonus),
    paused: c.paused,
    credentialKind: c.credentialKind,
    settings: c.settings,
    frequencySeconds: c.frequencySeconds,
    firstSync,
    percent,
    // The bonus pass's length does not follow from the pull's: no estimate for it.
    etaSeconds: running && percent !== null && !pulled ? etaSeconds(c.lastRunStartedAt, percent / 100, now) : null,
    lastRunStartedAt: c.lastRunStartedAt,
    lastRunFinishedAt: c.lastRunFinishedAt,
    lastSuccessAt: c.lastSuccessAt,
    nextRunAt: c.paused || c.status === 'relink_needed' ? null : c.nextRunAt,
    forceSyncAvailableAt: c.lastForcedAt && Date.parse(c.lastForcedAt) + FORCE_SYNC_COOLDOWN_MS > now ? new Date(Date.parse(c.lastForcedAt) + FORCE_SYNC_COOLDOWN_MS).toISOString() : null,
    lastError: c.lastErrorCode ? { code: c.lastErrorCode, message: c.lastErrorMessage ?? '' } : null,
    streams: views,
    createdAt: c.createdAt,
  }
}
