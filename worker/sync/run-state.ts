/**
 * Starting and finishing runs: the rows a person reads in run history and connection status.
 * @module
 */
import { connections, type runTriggers, syncRuns } from '../db/schema'
import type { Db } from '../db/client'
import { and, eq } from 'drizzle-orm'
import { nowIso } from '../util/clock'

export type RunOutcome = 'ok' | 'partial' | 'failed' | 'relink_needed'

export async function startRun(db: Db, conn: { id: string; orgId: string }, trigger: (typeof runTriggers)[number], kind: 'backfill' | 'incremental', now: number) {
  const runId = crypto.randomUUID()
  await db.batch([
    db.insert(syncRuns).values({ id: runId, connectionId: conn.id, orgId: conn.orgId, trigger, kind, status: 'running', startedAt: nowIso(now) }),
    db
      .update(connections)
      .set({ currentRunId: runId, status: 'syncing', lastRunStartedAt: nowIso(now), updatedAt: nowIso(now) })
      .where(eq(connections.id, conn.id)),
  ])
  return runId
}

/** Ends the run, releases the lease and schedules the next one. Data and checkpoints are kept as they are. */
export async function finishRun(
  db: Db,
  conn: { id: string; leaseToken: string; frequencySeconds: number },
  runId: string,
  outcome: RunOutcome,
  now: number,
  error?: { code: string; message: string },
  nextRunInMs?: number,
) {
  const finishedAt = nowIso(now)
  const nextRunAt = outcome === 'relink_needed' ? '9999-12-31T00:00:00.000Z' : nowIso(now + (nextRunInMs ?? conn.frequencySeconds * 1000))
  await db.batch([
    db
      .update(syncRuns)
      .set({ status: outcome, finishedAt, errorCode: error?.code ?? null, errorMessage: error?.message ?? null })
      .where(eq(syncRuns.id, runId)),
    db
      .update(connections)
      .set({
        status: outcome,
        currentRunId: null,
        leaseToken: null,
        leaseUntil: null,
        lastRunFinishedAt: finishedAt,
        nextRunAt,
        lastErrorCode: error?.code ?? null,
        lastErrorMessage: error?.message ?? null,
        updatedAt: finishedAt,
        ...(outcome === 'ok' ? { lastSuccessAt: finishedAt } : {}),
      })
      .where(and(eq(connections.id, conn.id), eq(connections.leaseToken, conn.leaseToken))),
  ])
}
