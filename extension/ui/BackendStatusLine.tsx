import type { BackendStatus } from '../messaging/protocol'
import { relativeTime } from './relative-time'

/** One line about the backend: reachable with its version and last cron tick, or why not. */
export function BackendStatusLine({ status }: { status: BackendStatus }) {
  if (!status.reachable) {
    return (
      <p class="status status--down" data-testid="backend-status" data-state="down">
        <span class="dot" aria-hidden="true" /> Backend unreachable — {status.error}
      </p>
    )
  }
  const { health } = status
  const cron = health.lastCronAt ? `cron ${relativeTime(health.lastCronAt)}` : 'cron not run yet'
  return (
    <p class="status status--up" data-testid="backend-status" data-state={health.ok ? 'up' : 'degraded'}>
      <span class="dot" aria-hidden="true" /> Backend {health.ok ? 'online' : 'degraded'} · v{health.version} · {cron}
    </p>
  )
}
