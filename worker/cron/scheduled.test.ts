import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import { countAttempt } from '../auth/login-throttle'
import { createDb } from '../db/client'
import worker from '../index'
import type { QueueMessage } from '../env'
import { call } from '../../tools/test/fixtures'

describe('scheduled handler and queue consumer', () => {
  it('should record the tick and enqueue a heartbeat', async () => {
    const send = vi.spyOn(env.SYNC_QUEUE, 'send')
    const scheduledTime = Date.UTC(2026, 10, 22, 9, 30)
    const ctx = createExecutionContext()
    worker.scheduled(createScheduledController({ scheduledTime, cron: '* * * * *' }), env, ctx)
    await waitOnExecutionContext(ctx)
    expect(send).toHaveBeenCalledWith({ kind: 'heartbeat', sentAt: scheduledTime })
    const health = (await (await call('/health')).json()) as { lastCronAt: string }
    expect(health.lastCronAt).toBe('2026-11-22T09:30:00.000Z')
  })

  it('should drop sign-in throttle rows whose window has ended', async () => {
    const scheduledTime = Date.UTC(2026, 10, 22, 9, 30)
    await countAttempt(createDb(env.DB), { email: 'ended@example.test' }, scheduledTime - 20 * 60_000)
    await countAttempt(createDb(env.DB), { email: 'running@example.test' }, scheduledTime - 5 * 60_000)
    const ctx = createExecutionContext()
    worker.scheduled(createScheduledController({ scheduledTime, cron: '* * * * *' }), env, ctx)
    await waitOnExecutionContext(ctx)
    const { results } = await env.DB.prepare('SELECT window_ends_at AS endsAt FROM login_throttles').all<{ endsAt: string }>()
    expect(results).toEqual([{ endsAt: '2026-11-22T09:40:00.000Z' }])
  })

  it('should ack a heartbeat message and record it', async () => {
    const batch = createMessageBatch<QueueMessage>('protiv-sync', [
      { id: 'm1', timestamp: new Date(), attempts: 1, body: { kind: 'heartbeat', sentAt: Date.now() } },
    ])
    const ctx = createExecutionContext()
    await worker.queue(batch, env)
    const result = await getQueueResult(batch, ctx)
    expect(result.explicitAcks).toEqual(['m1'])
    const health = (await (await call('/health')).json()) as { lastQueueAt: string | null }
    expect(health.lastQueueAt).not.toBeNull()
  })
})
