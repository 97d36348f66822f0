import { Hono } from 'hono'
import type { HealthResponse } from '../../shared/api/health'
import { lastBeats } from '../cron/heartbeat'
import type { AppEnv } from '../env'
import { nowIso } from '../util/clock'
import { VERSION } from '../version'

/** Liveness plus the two facts an operator asks first: can we reach the database, are crons flowing? */
export const healthRoute = new Hono<AppEnv>().get('/', async (c) => {
  let beats: Awaited<ReturnType<typeof lastBeats>> | null = null
  try {
    beats = await lastBeats(c.env.DB)
  } catch {
    beats = null
  }
  const body: HealthResponse = {
    ok: beats !== null,
    service: 'protiv-connect',
    version: VERSION,
    time: nowIso(),
    database: beats ? 'ok' : 'unavailable',
    lastCronAt: beats?.cron ?? null,
    lastQueueAt: beats?.queue ?? null,
  }
  return c.json(body, beats ? 200 : 503)
})
