import type { Env, QueueMessage } from '../env'
import { beat } from '../cron/heartbeat'

/** Handles each message on its own so one failure retries only that message. */
export async function handleQueue(batch: MessageBatch<QueueMessage>, env: Env) {
  for (const message of batch.messages) {
    try {
      switch (message.body.kind) {
        case 'heartbeat':
          await beat(env.DB, 'queue')
          break
      }
      message.ack()
    } catch (err) {
      console.error(`queue message ${message.id} failed: ${(err as Error).message}`)
      message.retry({ delaySeconds: Math.min(60, 2 ** message.attempts) })
    }
  }
}
