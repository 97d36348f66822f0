import type { ConnectionView } from '../../shared/api/connections'

/** The next step for a connection that has an error; null when nothing needs doing. */
export function whatToDo(c: Pick<ConnectionView, 'status' | 'lastError'>): string | null {
  if (!c.lastError && c.status !== 'relink_needed') return null
  switch (c.status) {
    case 'relink_needed':
      return 'Reconnect with a new Client ID and Secret (Aspire: Administration → Application → API). The data already synced is kept.'
    case 'partial':
      return 'It retries automatically. If it keeps happening, check that the API key in Aspire has every scope ticked.'
    case 'failed':
      return 'It retries at the next sync. Use Force sync to try now.'
    case 'paused':
      return 'Resume the connection to try again.'
    default:
      return 'The error is from an earlier sync; nothing to do unless it comes back.'
  }
}
