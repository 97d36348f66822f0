import { createDb } from '../db/client'
import { heartbeats } from '../db/schema'
import { nowIso } from '../util/clock'

export type HeartbeatName = 'cron' | 'queue'

export async function beat(d1: D1Database, name: HeartbeatName, at = Date.now()) {
  await createDb(d1)
    .insert(heartbeats)
    .values({ name, at: nowIso(at) })
    .onConflictDoUpdate({ target: heartbeats.name, set: { at: nowIso(at) } })
}

export async function lastBeats(d1: D1Database): Promise<Record<HeartbeatName, string | null>> {
  const rows = await createDb(d1).select().from(heartbeats)
  const at = (name: HeartbeatName) => rows.find((r) => r.name === name)?.at ?? null
  return { cron: at('cron'), queue: at('queue') }
}
