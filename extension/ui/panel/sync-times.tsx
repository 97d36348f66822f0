import type { ConnectionView } from '../../../shared/api/connections'
import { isSyncActive } from '../connection-health'
import { useOrgFormat } from '../format/use-org-format'
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

/** Relative words that tick, with the exact moment in the organisation's zone for hover and assistive technology. */
export function SyncTimes({ connection, now }: { connection: ConnectionView; now: number }) {
  const f = useOrgFormat()
  const moment = (iso: string | null, words: string) => (iso ? <time dateTime={iso} title={f.dateTime(iso)}>{words}</time> : words)
  const next = connection.paused || isSyncActive(connection) ? null : connection.nextRunAt
  return (
    <dl class="sync-times">
      <dt>Last sync</dt>
      <dd data-testid="last-sync">{moment(connection.lastRunFinishedAt, lastSyncText(connection, now))}</dd>
      <dt>Next sync</dt>
      <dd data-testid="next-sync">{moment(next, nextSyncText(connection, now))}</dd>
    </dl>
  )
}
