import { pruneLoginThrottles } from '../auth/login-throttle'
import { createDb } from '../db/client'
import type { Env } from '../env'
import { releaseDueHolds } from '../statements/release-due'
import { fanOutDueSyncs } from '../sync/fan-out'
import { beat } from './heartbeat'

/**
 * The one-minute tick: records that it ran (shown by /health), tells the queue (proof the consumer is
 * alive), fans out every due connection's sync, drops sign-in throttle rows whose window has ended, and moves line
 * items whose waiting period is over from Held to In Process.
 */
export async function handleScheduled(controller: { scheduledTime: number }, env: Env) {
  await beat(env.DB, 'cron', controller.scheduledTime)
  await env.SYNC_QUEUE.send({ kind: 'heartbeat', sentAt: controller.scheduledTime })
  await fanOutDueSyncs(env, Date.now())
  await pruneLoginThrottles(createDb(env.DB), controller.scheduledTime)
  await releaseDueHolds(createDb(env.DB), controller.scheduledTime, new Date(controller.scheduledTime).toISOString())
}
