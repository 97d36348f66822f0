import { z } from 'zod'

export const HealthResponse = z.object({
  ok: z.boolean(),
  service: z.literal('protiv-connect'),
  version: z.string(),
  time: z.string(),
  database: z.enum(['ok', 'unavailable']),
  /** When the cron and the queue consumer last ran: proof that scheduled work is flowing. */
  lastCronAt: z.string().nullable(),
  lastQueueAt: z.string().nullable(),
})
export type HealthResponse = z.infer<typeof HealthResponse>
