import { pruneLoginThrottles } from '../auth/login-throttle'
import { createDb } from '../db/client'
import type { Env } from '../env'
import { fanOutDueSyncs } from '../sync/fan-out'
import { beat } from './heartbeat'

/**
 * The one-minute tick: records that it ran (shown by /health), tells the queue (proof the consumer is
 * alive), fans out every due connection's sync, and drops sign-in throttle rows whose window has ended.
 */
export async function handleScheduled(controller: { scheduledTime: number }, env: Env) {
  await beat(env.DB, 'cron', controller.scheduledTime)
  await env.SYNC_QUEUE.send({ kind: 'heartbeat', sentAt: controller.scheduledTime })
  await fanOutDueSyncs(env, Date.now())
  await pruneLoginThrottles(createDb(env.DB), controller.scheduledTime)
}
