import type { ConnectionView } from '../../shared/api/connections'
import { vendorUi } from '../vendors/registry'

/** The next step for a connection that has an error; null when nothing needs doing. */
export function whatToDo(c: Pick<ConnectionView, 'vendor' | 'status' | 'lastError'>): string | null {
  if (!c.lastError && c.status !== 'relink_needed') return null
  switch (c.status) {
    case 'relink_needed':
      return vendorUi(c.vendor).advice.relinkNeeded
    case 'partial':
      return (
        vendorUi(c.vendor).advice.partial ?? 'It retries automatically and keeps what it read. If it keeps happening, the message above says what to check.'
      )
    case 'failed':
      return 'It retries at the next sync. Use Force sync to try now.'
    case 'paused':
      return 'Resume the connection to try again.'
    default:
      return 'The error is from an earlier sync; nothing to do unless it comes back.'
  }
}
