import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { QueueMessage } from '../env'
import { orgWithAdmin } from '../../tools/test/fixtures'
import { nowIso } from '../util/clock'
import { fanOutDueSyncs } from './fan-out'
import type { SyncMessage } from './queue-messages'

const now = Date.parse('2026-11-22T10:00:00Z')

/** Inserts connections in one batch (a multi-row insert would pass D1's 100-parameter limit). */
async function addConnections(orgId: string, prefix: string, count: number, nextRunAt: number, extra = '') {
  const statements = Array.from({ length: count }, (_, i) =>
    env.DB.prepare(
      `INSERT INTO connections (id, org_id, vendor, account_label, credentials_ciphertext, credentials_iv, settings, frequency_seconds, next_run_at, created_at, updated_at${extra ? ', paused' : ''})
       VALUES (?1, ?2, 'aspire', ?1, 'x', 'y', '{}', 900, ?3, ?3, ?3${extra ? `, ${extra}` : ''})`,
    ).bind(`${prefix}${i}`, orgId, nowIso(nextRunAt)),
  )
  await env.DB.batch(statements)
}

describe('cron fan-out', () => {
  let batches: SyncMessage[][]
  beforeEach(() => {
    batches = []
    vi.spyOn(env.SYNC_QUEUE, 'sendBatch').mockImplementation(async (batch: Iterable<MessageSendRequest<QueueMessage>>) => {
      batches.push([...batch].map((m) => m.body as SyncMessage))
      return { metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } } as unknown as QueueSendBatchResponse
    })
  })
  const sent = () => batches.flat()

  it('should claim and enqueue every due connection in one tick, chunk after chunk, each exactly once', async () => {
    const a = await orgWithAdmin()
    const b = await orgWithAdmin()
    // More than one chunk (CLAIM_CHUNK): a single claim would leave some for later ticks.
    await addConnections(a.orgId, 'a', 530, now - 60_000)
    await addConnections(b.orgId, 'b', 520, now - 1000)
    await addConnections(a.orgId, 'later', 5, now + 60_000)
    await addConnections(b.orgId, 'paused', 5, now - 1000, '1')

    expect(await fanOutDueSyncs(env, now)).toBe(1050)
    const ids = sent().map((m) => m.connectionId)
    expect(new Set(ids).size).toBe(1050)
    expect(ids.every((id) => /^[ab]\d+$/.test(id))).toBe(true)
    expect(Math.max(...batches.map((x) => x.length))).toBeLessThanOrEqual(100)
    const leases = await env.DB.prepare("SELECT id, lease_token AS token FROM connections WHERE id NOT LIKE 'later%' AND id NOT LIKE 'paused%'").all<{ id: string; token: string }>()
    const held = new Map(leases.results.map((r) => [r.id, r.token]))
    expect(sent().every((m) => m.trigger === 'cron' && held.get(m.connectionId) === m.leaseToken)).toBe(true)

    expect(await fanOutDueSyncs(env, now + 1000)).toBe(0)
  })

  it('should stop at the per-tick cap and leave the rest to the next tick', async () => {
    const { orgId } = await orgWithAdmin()
    await addConnections(orgId, 'c', 25, now - 1000)
    expect(await fanOutDueSyncs(env, now, { chunk: 5, maxPerTick: 12 })).toBe(12)
    expect(await fanOutDueSyncs(env, now + 1000, { chunk: 5, maxPerTick: 12 })).toBe(12)
    expect(await fanOutDueSyncs(env, now + 2000, { chunk: 5, maxPerTick: 12 })).toBe(1)
    expect(new Set(sent().map((m) => m.connectionId)).size).toBe(25)
  })
})
