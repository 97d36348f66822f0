import type { ConnectionView } from '../../../shared/api/connections'
import { isSyncActive } from '../connection-health'
import { relativeTime } from '../relative-time'

/** "2 min ago" / "in 1 min", recomputed from `now` so they tick while the panel is open. */
export function lastSyncText(c: ConnectionView, now: number): string {
  const finished = c.lastRunFinishedAt
  return finished ? relativeTime(finished, now) : 'never'
}

export function nextSyncText(c: ConnectionView, now: number): string {
  if (c.paused) return 'paused'
  if (isSyncActive(c)) return 'running now'
  if (!c.nextRunAt) return 'not scheduled'
  return Date.parse(c.nextRunAt) - now < 10_000 ? 'any moment' : relativeTime(c.nextRunAt, now)
}

export function SyncTimes({ connection, now }: { connection: ConnectionView; now: number }) {
  return (
    <dl class="sync-times">
      <dt>Last sync</dt>
      <dd data-testid="last-sync">{lastSyncText(connection, now)}</dd>
      <dt>Next sync</dt>
      <dd data-testid="next-sync">{nextSyncText(connection, now)}</dd>
    </dl>
  )
}
