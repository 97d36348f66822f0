import { describe, expect, it } from 'vitest'
import type { connections, syncStreams } from '../db/schema'
import { toConnectionView } from './view'

type ConnectionRow = typeof connections.$inferSelect
type StreamRow = typeof syncStreams.$inferSelect

const at = '2026-12-03T12:00:00.000Z'
const now = Date.parse(at) + 60_000
const connection = (changes: Partial<ConnectionRow> = {}): ConnectionRow => ({
  id: 'c1', orgId: 'o1', vendor: 'aspire', accountLabel: 'Acme', accountId: null, credentialsCiphertext: '', credentialsIv: '', settings: {},
  paused: false, status: 'syncing', lastErrorCode: null, lastErrorMessage: null, frequencySeconds: 900, nextRunAt: at, leaseUntil: null,
  leaseToken: null, currentRunId: 'run-1', lastRunStartedAt: at, lastRunFinishedAt: null, lastSuccessAt: null, lastForcedAt: null,
  createdAt: at, updatedAt: at, deletedAt: null, credentialKind: 'api_key', ...changes,
})
const stream = (name: string, changes: Partial<StreamRow>): StreamRow => ({
  connectionId: 'c1', stream: name, status: 'syncing', checkpoint: null, cursor: null, completedRunId: null, backfilled: false, recordsThisPass: 10,
  progress: null, passStartedAt: at, added: 10, updated: 0, deleted: 0, lastErrorMessage: null, notice: null, skipsThisPass: null, skips: null,
  lastSuccessAt: null, ...changes,
})
const streams = [{ name: 'jobs', label: 'Jobs' }, { name: 'times', label: 'Time' }]
const pulled = [stream('jobs', { status: 'ok', completedRunId: 'run-1', progress: 1000 }), stream('times', { status: 'ok', completedRunId: 'run-1', progress: 1000 })]

describe('a connection whose run has pulled everything and updates ProPays', () => {
  it('should say so with the jobs done, below 100% and without an estimate', () => {
    const view = toConnectionView(connection(), streams, pulled, now, { jobsDone: 150, jobsTotal: 500 })
    expect(view).toMatchObject({ status: 'syncing', percent: 99, etaSeconds: null, statusText: 'First sync in progress: data synced, updating ProPays (150 of 500 jobs).' })
    expect(toConnectionView(connection({ lastSuccessAt: at }), streams, pulled, now).statusText).toBe('Syncing now: updating ProPays.')
  })

  it('should keep the pull’s own progress while a stream is still pulling', () => {
    const half = [pulled[0]!, stream('times', { checkpoint: { page: 3 }, progress: 500 })]
    const view = toConnectionView(connection(), streams, half, now, { jobsDone: 0, jobsTotal: 500 })
    expect(view.statusText).toBe('First sync in progress: 75% done.')
    expect(view.percent).toBe(75)
    expect(toConnectionView(connection({ currentRunId: null, status: 'ok', lastSuccessAt: at }), streams, pulled, now).statusText).toBe('Up to date.')
  })
})
