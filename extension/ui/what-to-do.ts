import type { ConnectionView } from '../../shared/api/connections'

/** What to do when the vendor stopped accepting the stored credentials, per vendor. */
const relinkAdvice: Record<ConnectionView['vendor'], string> = {
  aspire: 'Reconnect with a new Client ID and Secret (Aspire: Administration → Application → API). The data already synced is kept.',
  buildertrend: 'Do what the message says at buildertrend.net first (sign in there yourself once if it asked for a check). The data already synced is kept.',
  exaktime: 'Check the sign-in or API key at ExakTime (Company ID, username, password, or the key in Arcoro\'s Hub). The data already synced is kept.',
}

/** The next step for a connection that has an error; null when nothing needs doing. */
export function whatToDo(c: Pick<ConnectionView, 'status' | 'lastError'> & Partial<Pick<ConnectionView, 'vendor'>>): string | null {
  if (!c.lastError && c.status !== 'relink_needed') return null
  switch (c.status) {
    case 'relink_needed':
      return relinkAdvice[c.vendor ?? 'aspire']
    case 'partial':
      return c.vendor && c.vendor !== 'aspire'
        ? 'It retries automatically and keeps what it read. If it keeps happening, the message above says what to check.'
        : 'It retries automatically. If it keeps happening, check that the API key in Aspire has every scope ticked.'
    case 'failed':
      return 'It retries at the next sync. Use Force sync to try now.'
    case 'paused':
      return 'Resume the connection to try again.'
    default:
      return 'The error is from an earlier sync; nothing to do unless it comes back.'
  }
}
