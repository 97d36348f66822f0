import type { Env } from '../env'
import { claimOne } from '../sync/lease'
import type { SyncMessage } from '../sync/queue-messages'

/**
 * Claims the connection and sends its first step now, so a sync starts within seconds, not at the next
 * tick. The connection reads "syncing" from this moment: a person who just pressed Force sync sees it.
 */
export async function startSyncNow(env: Env, connectionId: string, trigger: SyncMessage['trigger'], now = Date.now()): Promise<boolean> {
  const token = await claimOne(env.DB, connectionId, now)
  if (!token) return false
  await env.DB.prepare("UPDATE connections SET status = 'syncing' WHERE id = ?1 AND lease_token = ?2 AND paused = 0").bind(connectionId, token).run()
  await env.SYNC_QUEUE.send({ kind: 'sync', connectionId, leaseToken: token, trigger } satisfies SyncMessage)
  return true
}
