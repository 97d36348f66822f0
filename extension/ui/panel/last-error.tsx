import type { ConnectionView } from '../../../shared/api/connections'
import { whatToDo } from '../what-to-do'

/** The last error in the server's words, and what to do about it. */
export function LastError({ connection }: { connection: ConnectionView }) {
  const advice = whatToDo(connection)
  if (!connection.lastError && !advice) return null
  return (
    <div class="last-error" data-testid="last-error" role="status">
      {connection.lastError && <p class="last-error__message">{connection.lastError.message}</p>}
      {advice && <p class="last-error__advice">{advice}</p>}
    </div>
  )
}
