import type { Env } from '../env'
import { claimOne } from '../sync/lease'
import type { SyncMessage } from '../sync/queue-messages'

/** Claims the connection and sends its first step now, so a sync starts within seconds, not at the next tick. */
export async function startSyncNow(env: Env, connectionId: string, trigger: SyncMessage['trigger'], now = Date.now()): Promise<boolean> {
  const token = await claimOne(env.DB, connectionId, now)
  if (!token) return false
  await env.SYNC_QUEUE.send({ kind: 'sync', connectionId, leaseToken: token, trigger } satisfies SyncMessage)
  return true
}
