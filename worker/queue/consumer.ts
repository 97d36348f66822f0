import type { Env, QueueMessage } from '../env'
import { beat } from '../cron/heartbeat'
import { runPageSyncKick } from '../connections/page-sync'
import { runSyncStep } from '../sync/run-step'

/** Handles each message on its own so one failure retries only that message. */
export async function handleQueue(batch: MessageBatch<QueueMessage>, env: Env) {
  for (const message of batch.messages) {
    try {
      const body = message.body
      switch (body.kind) {
        case 'heartbeat':
          await beat(env.DB, 'queue')
          break
        case 'sync': {
          const result = await runSyncStep(env, body)
          // The run goes on in the next message, so every invocation stays short and resumable.
          if (result.next === 'continue') await env.SYNC_QUEUE.send(body, { delaySeconds: Math.ceil(result.delayMs / 1000) })
          break
        }
        case 'page-sync':
          await runPageSyncKick(env, body)
          break
      }
      message.ack()
    } catch (err) {
      console.error(`queue message ${message.id} failed: ${(err as Error).message}`)
      message.retry({ delaySeconds: Math.min(60, 2 ** message.attempts) })
    }
  }
}
