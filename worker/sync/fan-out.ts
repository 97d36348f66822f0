import type { Env } from '../env'
import { claimDue } from './lease'
import type { SyncMessage } from './queue-messages'

/** The cron's part: claim every due connection and send one queue message each (in batches of 100). */
export async function fanOutDueSyncs(env: Env, now: number): Promise<number> {
  const claimed = await claimDue(env.DB, now)
  for (let i = 0; i < claimed.length; i += 100) {
    await env.SYNC_QUEUE.sendBatch(
      claimed.slice(i, i + 100).map(({ id, token }) => ({ body: { kind: 'sync', connectionId: id, leaseToken: token, trigger: 'cron' } satisfies SyncMessage })),
    )
  }
  return claimed.length
}
