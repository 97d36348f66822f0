/**
 * Drives the Aspire sandbox (a Node server started by the test run's global setup) through its control
 * API, and the sync engine through the real app, queue messages and steps.
 * @module
 */
import { env } from 'cloudflare:workers'
import { inject, vi } from 'vitest'
import type { ConnectionView } from '../../shared/api/connections'
import type { Env, QueueMessage } from '../../worker/env'
import { fanOutDueSyncs } from '../../worker/sync/fan-out'
import type { SyncMessage } from '../../worker/sync/queue-messages'
import { runSyncStep, type StepOptions } from '../../worker/sync/run-step'
import { call } from './fixtures'

export const sandboxUrl = () => {
  const url = inject('sandboxes').aspire
  if (!url) throw new Error('the Aspire sandbox was not started by the global setup')
  return url
}

export interface SandboxTenant {
  clientId: string
  secret: string
  counts: Record<string, number>
}

export async function control<T = unknown>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const res = await fetch(`${sandboxUrl()}/__control${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  })
  if (!res.ok) throw new Error(`control ${path} answered ${res.status}: ${await res.text()}`)
  return (res.status === 204 ? undefined : await res.json()) as T
}

export const createTenant = (input: Record<string, unknown> = {}) => control<SandboxTenant>('/tenants', { json: { size: 'small', seed: 7, ...input } })

export const records = <T = Record<string, unknown>>(tenant: SandboxTenant, entity: string, query = '') =>
  control<T[]>(`/tenants/${tenant.clientId}/records/${entity}${query}`)

/** Captures what the app sends to the sync queue instead of letting the local consumer race the test. */
export function captureQueue() {
  const sent: SyncMessage[] = []
  // What Queue.send answers; the test never reads it.
  const accepted = { metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } } as unknown as QueueSendResponse
  vi.spyOn(env.SYNC_QUEUE, 'send').mockImplementation(async (body: QueueMessage) => {
    if (body.kind === 'sync') sent.push(body)
    return accepted
  })
  vi.spyOn(env.SYNC_QUEUE, 'sendBatch').mockImplementation(async (batch: Iterable<MessageSendRequest<QueueMessage>>) => {
    for (const { body } of batch) if (body.kind === 'sync') sent.push(body)
    return accepted as unknown as QueueSendBatchResponse
  })
  return sent
}

/** Retries without real waits, for tests. */
export const fast: StepOptions = { http: { baseDelayMs: 1, maxInlineWaitMs: 50, timeoutMs: 10_000 } }

/**
 * Runs every queued step to the end of its run, as the queue consumer would, in the test Worker's env or one changed
 * from it (e.g. `BT_TRANSPORT: 'browser'`). Returns the steps taken.
 */
export async function drain(queue: SyncMessage[], options: StepOptions = {}, stepEnv: Env = env as Env) {
  let steps = 0
  while (queue.length) {
    const message = queue.shift()!
    for (;;) {
      steps++
      const result = await runSyncStep(stepEnv, message, { ...fast, ...options })
      if (result.next !== 'continue') break
      if (steps > 5000) throw new Error('sync did not finish')
    }
  }
  return steps
}

/** One scheduled cycle: the cron's fan-out at `now`, then the consumer. */
export async function cronCycle(queue: SyncMessage[], now: number, options: StepOptions = {}) {
  const claimed = await fanOutDueSyncs(env, now)
  await drain(queue, { ...options, now: () => now })
  return claimed
}

export async function connectAspire(token: string, tenant: SandboxTenant, settings: Record<string, unknown> = {}) {
  const res = await call('/api/v1/connections', {
    method: 'POST',
    token,
    json: {
      vendor: 'aspire',
      credentials: { clientId: `  ${tenant.clientId} `, secret: tenant.secret },
      settings: { syncStartDate: '2000-01-01', baseUrl: sandboxUrl(), ...settings },
    },
  })
  if (res.status !== 201) throw new Error(`connect failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as ConnectionView
}

/** Live (not soft-deleted) rows of a synced table for a connection. */
export async function liveCount(table: string, connectionId: string) {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE connection_id = ?1 AND deleted_at IS NULL`).bind(connectionId).first<{ n: number }>()
  return row!.n
}

export async function totalCount(table: string, connectionId: string) {
  const row = await env.DB.prepare(`SELECT count(*) AS n, count(DISTINCT external_id) AS d FROM ${table} WHERE connection_id = ?1`).bind(connectionId).first<{ n: number; d: number }>()
  return row!
}
