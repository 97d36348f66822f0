/**
 * Measures a vendor sync through the real worker (`wrangler dev`, empty local D1, local queue): the first
 * sync (backfill) of a connection created through the API, then one forced sync with nothing changed.
 * @module
 */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApiClient } from '../../shared/api/client'
import type { Vendor } from '../../shared/api/connections'
import { DEMO } from '../../worker/dev/demo'
import { migrateLocalDb, seedDemo, startWorker } from '../../worker/dev/local-stack'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export interface SyncMeasurement {
  backfill: { rows: number; requests: number; seconds: number; rowsPerSecond: number }
  incrementalNoChange: { requests: number; seconds: number; added: number; updated: number; deleted: number; sinceForceMs: number }
  progressSamples: Array<{ seconds: number; percent: number | null; eta: number | null }>
}

export async function measureSync(input: { port: number; vendor: Vendor; credentials: Record<string, unknown>; settings: Record<string, unknown> }): Promise<SyncMeasurement> {
  const persistTo = mkdtempSync(path.join(os.tmpdir(), 'protiv-bench-'))
  await migrateLocalDb(persistTo)
  await seedDemo(persistTo)
  const worker = await startWorker({ port: input.port, persistTo, vars: { CREDENTIALS_KEY: 'YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMzI=' } })
  try {
    const { token } = await createApiClient({ baseUrl: worker.url })('login', { body: { email: DEMO.email, password: DEMO.password } })
    const api = createApiClient({ baseUrl: worker.url, token: () => token })
    const started = performance.now()
    const created = await api('createConnection', { body: { vendor: input.vendor, credentials: input.credentials, settings: input.settings } })
    let view = created
    const progress: SyncMeasurement['progressSamples'] = []
    while (view.status !== 'ok') {
      await sleep(1000)
      view = await api('getConnection', { params: { id: created.id } })
      progress.push({ seconds: Math.round((performance.now() - started) / 1000), percent: view.percent, eta: view.etaSeconds })
      if (['failed', 'relink_needed', 'partial'].includes(view.status)) throw new Error(`backfill ended ${view.status}: ${view.statusText}`)
    }
    const backfill = (await api('listRuns', { params: { id: created.id } })).runs[0]!
    const backfillSeconds = (Date.parse(backfill.finishedAt!) - Date.parse(backfill.startedAt)) / 1000

    const forced = Date.now()
    await api('forceSync', { params: { id: created.id } })
    let incremental = backfill
    while (incremental.id === backfill.id || incremental.status === 'running') {
      await sleep(250)
      incremental = (await api('listRuns', { params: { id: created.id } })).runs[0]!
    }
    return {
      backfill: { rows: backfill.added, requests: backfill.requests, seconds: backfillSeconds, rowsPerSecond: Math.round(backfill.added / backfillSeconds) },
      incrementalNoChange: {
        requests: incremental.requests,
        seconds: (Date.parse(incremental.finishedAt!) - Date.parse(incremental.startedAt)) / 1000,
        added: incremental.added,
        updated: incremental.updated,
        deleted: incremental.deleted,
        sinceForceMs: Date.parse(incremental.startedAt) - forced,
      },
      progressSamples: progress.filter((_, i) => i % 5 === 0),
    }
  } finally {
    await worker.stop()
  }
}

export const machine = () => `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
