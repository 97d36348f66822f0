import type { ConnectionView } from '../../../shared/api/connections'
import { formatDuration } from '../format-duration'

/** The first sync's progress bar with its percent and time left; nothing once the first sync is done. */
export function SyncProgress({ connection }: { connection: ConnectionView }) {
  if (!connection.firstSync || connection.percent === null) return null
  const percent = Math.min(100, Math.max(0, connection.percent))
  return (
    <div class="progress" data-testid="sync-progress">
      <div class="progress__bar" role="progressbar" aria-label="First sync" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div class="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p class="progress__text">
        <span data-testid="sync-percent">{percent}%</span>
        {connection.etaSeconds !== null && <span> · about {formatDuration(connection.etaSeconds)} left</span>}
      </p>
    </div>
  )
}
