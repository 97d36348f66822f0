/**
 * Asks the background for a page-triggered sync; the background answers once the runs it caused have finished (it
 * follows them and drops its ProPay cache). Then `pageSyncsFinished` ticks, and what shows synced data (the ProPay
 * badges) reads it again. The panel's own sync status follows the run by itself.
 * @module
 */
import type { PageSyncAction, Vendor } from '../../shared/api/connections'
import { send } from '../messaging/send'
import { watchedValue } from './watched-value'

/** Counts page-triggered syncs that have finished in this tab: a change tells badges to read their ProPays again. */
export const pageSyncsFinished = watchedValue(0)

export async function requestPageSync(vendor: Vendor, action: PageSyncAction, recordId: string | null): Promise<void> {
  const { connections } = await send('sync:pageAction', { vendor, action, ...(recordId ? { recordId } : {}) })
  if (connections.length) pageSyncsFinished.set(pageSyncsFinished.value + 1)
}
