import type { Env } from '../env'
import { claimDue } from './lease'
import type { SyncMessage } from './queue-messages'

/** Connections claimed per UPDATE: one D1 statement, then ten queue batches of 100 (the queue's maximum). */
export const CLAIM_CHUNK = 1000

/**
 * The most one tick claims: 20 claims and 200 queue batches, far inside a scheduled invocation's subrequest
 * limits, and 4 s of a queue's 5,000 messages/s. Anything beyond waits for the next tick, a minute later.
 */
export const MAX_PER_TICK = 20_000

const QUEUE_BATCH = 100

/**
 * The cron's part: claim every due connection and send one queue message each. Claims go chunk by chunk
 * until one comes back short (nothing due is left), each chunk enqueued before the next is claimed: a
 * failure then strands at most one chunk, whose leases expire and are claimed again by a later tick.
 */
export async function fanOutDueSyncs(env: Env, now: number, options: { chunk?: number; maxPerTick?: number } = {}): Promise<number> {
  const chunk = options.chunk ?? CLAIM_CHUNK
  const max = options.maxPerTick ?? MAX_PER_TICK
  let total = 0
  while (total < max) {
    const wanted = Math.min(chunk, max - total)
    const claimed = await claimDue(env.DB, now, wanted)
    for (let i = 0; i < claimed.length; i += QUEUE_BATCH) {
      await env.SYNC_QUEUE.sendBatch(
        claimed.slice(i, i + QUEUE_BATCH).map(({ id, token }) => ({ body: { kind: 'sync', connectionId: id, leaseToken: token, trigger: 'cron' } satisfies SyncMessage })),
      )
    }
    total += claimed.length
    if (claimed.length < wanted) break
  }
  return total
}
