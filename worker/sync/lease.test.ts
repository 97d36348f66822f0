import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createDb } from '../db/client'
import { connections } from '../db/schema'
import { orgWithAdmin } from '../../tools/test/fixtures'
import { nowIso } from '../util/clock'
import { claimDue, claimOne, LEASE_MS } from './lease'

async function addConnection(orgId: string, id: string, nextRunAt: string, extra: Partial<typeof connections.$inferInsert> = {}) {
  await createDb(env.DB)
    .insert(connections)
    .values({
      id,
      orgId,
      vendor: 'aspire',
      accountLabel: id,
      credentialsCiphertext: 'x',
      credentialsIv: 'y',
      settings: {},
      frequencySeconds: 120,
      nextRunAt,
      createdAt: nextRunAt,
      updatedAt: nextRunAt,
      ...extra,
    })
}

describe('leases', () => {
  const now = Date.parse('2026-11-22T10:00:00Z')

  it('should claim each due connection exactly once across concurrent ticks', async () => {
    const { orgId } = await orgWithAdmin()
    for (let i = 0; i < 20; i++) await addConnection(orgId, `c${i}`, nowIso(now - 1000))
    await addConnection(orgId, 'future', nowIso(now + 60_000))
    await addConnection(orgId, 'paused', nowIso(now - 1000), { paused: true })
    await addConnection(orgId, 'relink', nowIso(now - 1000), { status: 'relink_needed' })
    const ticks = await Promise.all([claimDue(env.DB, now), claimDue(env.DB, now), claimDue(env.DB, now)])
    const ids = ticks.flat().map((c) => c.id)
    expect(ids.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `c${i}`).sort())
    expect(new Set(ids).size).toBe(20)
  })

  it('should let nobody else claim while a lease is held, and reclaim it after it expires', async () => {
    const { orgId } = await orgWithAdmin()
    await addConnection(orgId, 'c1', nowIso(now - 1000))
    expect(await claimOne(env.DB, 'c1', now)).not.toBeNull()
    expect(await claimOne(env.DB, 'c1', now + 1000)).toBeNull()
    expect(await claimDue(env.DB, now + 1000)).toEqual([])
    expect(await claimDue(env.DB, now + LEASE_MS + 1)).toHaveLength(1)
  })

  it('should reclaim a connection whose run was left mid-way by a dead consumer', async () => {
    const { orgId } = await orgWithAdmin()
    await addConnection(orgId, 'c1', nowIso(now + 120_000), { currentRunId: 'run-1', leaseToken: 'dead', leaseUntil: nowIso(now - 1) })
    expect((await claimDue(env.DB, now)).map((c) => c.id)).toEqual(['c1'])
  })
})
