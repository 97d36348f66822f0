import { app } from './app'
import type { Env, QueueMessage } from './env'
import { handleQueue } from './queue/consumer'
import { handleScheduled } from './cron/scheduled'

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => ctx.waitUntil(handleScheduled(controller, env)),
  queue: (batch, env) => handleQueue(batch, env),
} satisfies ExportedHandler<Env, QueueMessage>
