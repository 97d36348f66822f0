import type { BackendStatus } from '../messaging/protocol'
import { useOrgFormat } from './format/use-org-format'

/** One line about the backend: reachable with its version and last cron tick, or why not. */
export function BackendStatusLine({ status }: { status: BackendStatus }) {
  if (!status.reachable) {
    return (
      <p class="status status--down" data-testid="backend-status" data-state="down">
        <span class="dot" aria-hidden="true" /> Backend unreachable — {status.error}
      </p>
    )
  }
  return <Reachable health={status.health} />
}

function Reachable({ health }: { health: Extract<BackendStatus, { reachable: true }>['health'] }) {
  const f = useOrgFormat()
  const cron = health.lastCronAt ? (
    <>
      cron <time dateTime={health.lastCronAt} title={f.dateTime(health.lastCronAt)}>{f.relative(health.lastCronAt, Date.now())}</time>
    </>
  ) : (
    'cron not run yet'
  )
  return (
    <p class="status status--up" data-testid="backend-status" data-state={health.ok ? 'up' : 'degraded'}>
      <span class="dot" aria-hidden="true" /> Backend {health.ok ? 'online' : 'degraded'} · v{health.version} · {cron}
    </p>
  )
}
