/**
 * How a connection's state reads at a glance (the dot's colour) and how often it is worth asking again.
 * @module
 */
import type { ConnectionView } from '../../shared/api/connections'

export type Health = 'good' | 'busy' | 'warning' | 'broken' | 'idle'

export function healthOf(status: ConnectionView['status']): Health {
  switch (status) {
    case 'ok':
      return 'good'
    case 'pending':
    case 'syncing':
      return 'busy'
    case 'partial':
      return 'warning'
    case 'failed':
    case 'relink_needed':
      return 'broken'
    case 'paused':
      return 'idle'
  }
}

/** A run is going on (the API reports progress only then) or about to start. */
export const isSyncActive = (c: ConnectionView) => c.percent !== null || c.status === 'syncing' || c.status === 'pending'

export const ACTIVE_POLL_MS = 2_000
export const IDLE_POLL_MS = 20_000

/**
 * Fast while a run is active, slow otherwise, but never later than just after the next scheduled sync so
 * its start shows promptly. After a failed call, the slow pace: a struggling backend is not hammered.
 */
export function pollDelayMs(c: ConnectionView | null, failed: boolean, now: number = Date.now()): number {
  if (failed || !c) return IDLE_POLL_MS
  if (isSyncActive(c)) return ACTIVE_POLL_MS
  const untilNext = c.nextRunAt ? Date.parse(c.nextRunAt) - now + 1_000 : Infinity
  return Math.min(IDLE_POLL_MS, Math.max(ACTIVE_POLL_MS, untilNext))
}
