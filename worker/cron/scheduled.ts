import type { Env } from '../env'
import { beat } from './heartbeat'

/**
 * The one-minute tick. It records that it ran and tells the queue, so /health proves that the whole
 * cron → queue → consumer path is flowing; the sync engine hangs its fan-out here.
 */
export async function handleScheduled(controller: { scheduledTime: number }, env: Env) {
  await beat(env.DB, 'cron', controller.scheduledTime)
  await env.SYNC_QUEUE.send({ kind: 'heartbeat', sentAt: controller.scheduledTime })
}
