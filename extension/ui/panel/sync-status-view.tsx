import type { ComponentChildren } from 'preact'
import type { ConnectionView } from '../../../shared/api/connections'
import { vendorUi } from '../../vendors/registry'
import { StatusDot } from '../StatusDot'
import { LastError } from './last-error'
import { StreamRows } from './stream-rows'
import { SyncProgress } from './sync-progress'
import { SyncTimes } from './sync-times'

/**
 * What the live region says: the state in words, without the first sync's running percent, so a screen reader
 * hears it when the state really changes, not at each poll or at each tick of the relative times.
 */
export function statusAnnouncement(c: ConnectionView): string {
  const words = c.status === 'syncing' ? (c.firstSync ? 'First sync in progress.' : 'Syncing now.') : c.statusText
  return `${vendorUi(c.vendor).name} · ${c.accountLabel}: ${words}`
}

/** A connection's state as of `now`: words, first-sync progress, times, data types, last error. Pure. */
export function SyncStatusView({
  connection: c,
  now,
  refreshError,
  children,
}: {
  connection: ConnectionView
  now: number
  refreshError?: string | null
  children?: ComponentChildren
}) {
  return (
    <section class="sync-status" data-testid="sync-status" data-status={c.status}>
      {/* The only live part: the rest re-renders every second (relative times) and on every poll. */}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="sync-announcement">
        {statusAnnouncement(c)}
      </p>
      <h3>
        <StatusDot status={c.status} /> {vendorUi(c.vendor).name} · {c.accountLabel}
      </h3>
      <p class="sync-status__text" data-testid="status-text">
        {c.statusText}
      </p>
      <SyncProgress connection={c} />
      <SyncTimes connection={c} now={now} />
      <StreamRows streams={c.streams} open={c.firstSync} />
      <LastError connection={c} />
      {refreshError && (
        <p class="muted" data-testid="refresh-error">
          Could not refresh: {refreshError}
        </p>
      )}
      {children}
    </section>
  )
}
