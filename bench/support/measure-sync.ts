/**
 * Measures a vendor sync through the real worker (`wrangler dev`, empty local D1, local queue): the first
 * sync (backfill) of a connection created through the API, then one forced sync with nothing changed; and,
 * once the worker has stopped, the raw SQLite bulk insert of the very rows the backfill wrote. For a vendor with
 * passes on a slower cadence (Aspire's hourly presence passes), one more forced sync with nothing changed once
 * those passes are due: the worker is stopped, the passes' last times are set back in the local D1 (what an hour's
 * wait would do), and it is started again.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApiClient } from '../../shared/api/client'
import type { Vendor } from '../../shared/api/connections'
import { DEMO } from '../../tools/dev/demo'
import { migrateLocalDb, seedDemo, startWorker } from '../../tools/dev/local-stack'
import type { DatabaseSync } from 'node:sqlite'
import { openLocalD1 } from './local-d1'
import { freePort } from './ports'
import { d1InsertOfSyncedRows } from './d1-floor'
import { type RawInsert, rawInsertOfSyncedRows } from './raw-sqlite'
import { check, int } from './results'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** A backfill that takes longer than this has hung; the benchmark fails instead of waiting for ever. */
const BACKFILL_TIMEOUT_MS = 20 * 60_000

export interface NoChangeRun {
  requests: number
  seconds: number
  added: number
  updated: number
  deleted: number
  sinceForceMs: number
  /** The vendor sandbox's own log of that sync's requests, grouped by path with ids as {id}. */
  requestsByPath: Record<string, number>
}

/**
 * The backfill's wall time split three ways, from the run's own counters (sync_runs.vendor_ms, step_ms):
 * waiting on the vendor (vendor-http.ts `waitedMs`: a request outstanding or its body being read, retry sleeps),
 * our work inside the steps (step time minus that), and the queue hand-off between steps (wall minus step time).
 */
export interface BackfillSplit {
  vendorSeconds: number
  /**
   * Wall minus vendor: what the backfill waits on us. Since D1 writes go on behind the reading (page-writer.ts
   * `writeBehind`), our work done while a vendor request is outstanding is not in it: see `ourWorkSeconds`.
   */
  ourSeconds: number
  /**
   * Our work, overlapped or not: the steps' phases summed (parse and map = page time minus the vendor wait, vendor
   * requests being made only while reading pages; plan; write; the streams read; the bonus work) plus the hand-off.
   * Phases going on at once (a write behind a page read) each count whole, so it is an upper bound of our work.
   */
  ourWorkSeconds: number
  /** rows ÷ `ourWorkSeconds`, and that rate's ratio to the raw insert and to the D1 floor, in percent. */
  ourWorkRowsPerSecond: number
  ourWorkRatioPercent: number
  ourWorkRatioToD1Percent: number
  ourInStepSeconds: number
  handOffSeconds: number
  /** Queue messages (steps) the run took, from the profile log; 0 when the worker did not log them. */
  steps: number
  pages: number
  /** rows ÷ our seconds. */
  ourRowsPerSecond: number
  /** Our rows/s ÷ raw SQLite rows/s, in percent. */
  ourRatioPercent: number
  /** Our rows/s ÷ the D1 floor's rows/s, in percent: how near our own work comes to what D1 alone costs. */
  ourRatioToD1Percent: number
  /** Summed phase times of every step (worker/sync/step-profile.ts), ms. */
  phasesMs: Record<string, number>
  /** Each step's own profile line, in order. */
  perStep: Array<Record<string, number>>
}

export interface SyncMeasurement {
  backfill: { rows: number; requests: number; seconds: number; rowsPerSecond: number }
  rawSqlite: RawInsert
  /** The same rows through D1 alone, by its fastest bulk path (d1-floor.ts). */
  d1Floor: RawInsert
  /** Worker backfill rows/s ÷ raw SQLite rows/s, in percent (vendor time included). */
  ratioPercent: number
  split: BackfillSplit
  incrementalNoChange: NoChangeRun
  /** The no-change sync once the slower passes are due (only with `slowPassesDue`). */
  slowPassesNoChange?: NoChangeRun
  progressSamples: Array<{ seconds: number; percent: number | null; eta: number | null }>
}

export interface LoggedRequest {
  seq: number
  method: string
  path: string
}

export interface SyncInput {
  vendor: Vendor
  credentials: Record<string, unknown>
  settings: Record<string, unknown>
  /** The sandbox's request log (every sandbox numbers its entries with `seq`). */
  requestLog: () => Promise<LoggedRequest[]>
  /** Set-up only, on the stopped worker's D1: makes the connection's slower-cadence passes due. */
  slowPassesDue?: (db: DatabaseSync, connectionId: string) => void
}

/** `GET /v1/Common/Persons/123/Employees?x=1` → `GET /v1/Common/Persons/{id}/Employees`. */
export const pathPattern = (r: Pick<LoggedRequest, 'method' | 'path'>) =>
  `${r.method} ${r.path.split('?')[0]!.replace(/\/(\d+|[0-9a-f-]{36})(?=\/|$)/gi, '/{id}').replace(/\((\d+)\)/g, '({id})')}`

export async function measureSync(input: SyncInput): Promise<SyncMeasurement> {
  const persistTo = mkdtempSync(path.join(os.tmpdir(), 'protiv-bench-'))
  try {
    await migrateLocalDb(persistTo)
    await seedDemo(persistTo)
    // Each step logs its phases once (SYNC_PROFILE): the backfill's are those logged until it reported ok.
    const profileLines: string[] = []
    const log = (line: string) => void (line.includes('sync-profile ') && profileLines.push(line))
    const vars = { CREDENTIALS_KEY: 'YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMzI=', SYNC_PROFILE: 'true' }
    const start = async () => startWorker({ port: await freePort(), persistTo, vars, log })
    const worker = await start()
    let measured: Omit<SyncMeasurement, 'rawSqlite' | 'd1Floor' | 'ratioPercent' | 'split'> & { connectionId: string; backfillRunId: string; backfillProfile: string[] }
    try {
      measured = await backfillThenNoChange(worker.url, input, () => profileLines.slice())
    } finally {
      await worker.stop()
    }
    if (input.slowPassesDue) {
      const db = await openLocalD1(persistTo)
      try {
        input.slowPassesDue(db, measured.connectionId)
        // Not inside Force sync's cooldown: the measured sync starts at once, as the first one did.
        db.prepare('UPDATE connections SET last_forced_at = NULL WHERE id = ?').run(measured.connectionId)
      } finally {
        db.close()
      }
      const again = await start()
      try {
        measured.slowPassesNoChange = await forcedNoChange(await signIn(again.url), measured.connectionId, input)
      } finally {
        await again.stop()
      }
    }
    const timing = await runTiming(persistTo, measured.backfillRunId)
    const rawSqlite = await rawInsertOfSyncedRows(persistTo, measured.connectionId)
    check(rawSqlite.rows >= measured.backfill.rows, `the backfill reported ${measured.backfill.rows} rows added but only ${rawSqlite.rows} are stored`)
    const d1Floor = await d1InsertOfSyncedRows(persistTo, measured.connectionId)
    const { connectionId: _, backfillRunId: __, backfillProfile, ...rest } = measured
    return {
      ...rest,
      rawSqlite,
      d1Floor,
      ratioPercent: percent(measured.backfill.rowsPerSecond / rawSqlite.rowsPerSecond),
      split: splitOf(measured.backfill, timing, backfillProfile, rawSqlite, d1Floor),
    }
  } finally {
    rmSync(persistTo, { recursive: true, force: true })
  }
}

const percent = (ratio: number) => Math.round(ratio * 1000) / 10

/** The run's vendor wait and step time, as the worker summed them (read once the worker has stopped). */
async function runTiming(persistTo: string, runId: string) {
  const db = await openLocalD1(persistTo, { readOnly: true })
  try {
    const row = db.prepare('SELECT vendor_ms, step_ms FROM sync_runs WHERE id = ?').get(runId) as { vendor_ms: number; step_ms: number } | undefined
    check(row, `the backfill run ${runId} is not in the local D1`)
    return { vendorMs: row.vendor_ms, stepMs: row.step_ms }
  } finally {
    db.close()
  }
}

function splitOf(backfill: SyncMeasurement['backfill'], timing: { vendorMs: number; stepMs: number }, profile: string[], raw: RawInsert, d1: RawInsert): BackfillSplit {
  const wallMs = backfill.seconds * 1000
  check(timing.vendorMs <= timing.stepMs && timing.stepMs <= wallMs + 1000, `implausible run timing: vendor ${timing.vendorMs} ms, steps ${timing.stepMs} ms, wall ${wallMs} ms`)
  const phasesMs: Record<string, number> = {}
  let pages = 0
  const perStep = profile.map((line) => JSON.parse(line.slice(line.indexOf('{'))) as Record<string, number>)
  for (const entry of perStep) {
    pages += entry.pages ?? 0
    for (const [k, v] of Object.entries(entry)) if (k.endsWith('Ms')) phasesMs[k] = (phasesMs[k] ?? 0) + v
  }
  const ourMs = wallMs - timing.vendorMs
  const ourRowsPerSecond = Math.round(backfill.rows / (ourMs / 1000))
  const handOffMs = Math.max(0, wallMs - timing.stepMs)
  check(phasesMs.pageMs !== undefined && phasesMs.writeMs !== undefined, 'the worker logged no step phases (SYNC_PROFILE)')
  const phase = (name: string) => phasesMs[name] ?? 0
  const ourWorkMs = Math.max(0, phase('pageMs') - timing.vendorMs) + phase('planMs') + phase('writeMs') + phase('statesMs') + phase('bonusMs') + handOffMs
  const ourWorkRowsPerSecond = Math.round(backfill.rows / (ourWorkMs / 1000))
  return {
    vendorSeconds: timing.vendorMs / 1000,
    ourSeconds: ourMs / 1000,
    ourWorkSeconds: ourWorkMs / 1000,
    ourWorkRowsPerSecond,
    ourWorkRatioPercent: percent(ourWorkRowsPerSecond / raw.rowsPerSecond),
    ourWorkRatioToD1Percent: percent(ourWorkRowsPerSecond / d1.rowsPerSecond),
    ourInStepSeconds: (timing.stepMs - timing.vendorMs) / 1000,
    handOffSeconds: handOffMs / 1000,
    steps: profile.length,
    pages,
    ourRowsPerSecond,
    ourRatioPercent: percent(ourRowsPerSecond / raw.rowsPerSecond),
    ourRatioToD1Percent: percent(ourRowsPerSecond / d1.rowsPerSecond),
    phasesMs,
    perStep,
  }
}

async function signIn(url: string) {
  const { token } = await createApiClient({ baseUrl: url })('login', { body: { email: DEMO.email, password: DEMO.password } })
  return createApiClient({ baseUrl: url, token: () => token })
}

type Api = Awaited<ReturnType<typeof signIn>>

/** Force sync with nothing changed, and that run's figures. */
async function forcedNoChange(api: Api, connectionId: string, input: SyncInput): Promise<NoChangeRun> {
  const previous = (await api('listRuns', { params: { id: connectionId } })).runs[0]!
  const seqBefore = Math.max(0, ...(await input.requestLog()).map((r) => r.seq))
  const forced = Date.now()
  await api('forceSync', { params: { id: connectionId } })
  let incremental = previous
  while (incremental.id === previous.id || incremental.status === 'running') {
    check(Date.now() - forced < 5 * 60_000, 'the forced sync did not finish within 5 minutes')
    await sleep(250)
    incremental = (await api('listRuns', { params: { id: connectionId } })).runs[0]!
  }
  check(incremental.status === 'ok' && incremental.finishedAt, `the no-change sync ended ${incremental.status}`)
  const requestsByPath: Record<string, number> = {}
  for (const r of (await input.requestLog()).filter((e) => e.seq > seqBefore)) requestsByPath[pathPattern(r)] = (requestsByPath[pathPattern(r)] ?? 0) + 1
  return {
    requests: incremental.requests,
    seconds: (Date.parse(incremental.finishedAt) - Date.parse(incremental.startedAt)) / 1000,
    added: incremental.added,
    updated: incremental.updated,
    deleted: incremental.deleted,
    sinceForceMs: Date.parse(incremental.startedAt) - forced,
    requestsByPath: Object.fromEntries(Object.entries(requestsByPath).sort(([, a], [, b]) => b - a)),
  }
}

async function backfillThenNoChange(url: string, input: SyncInput, profileSoFar: () => string[]) {
  const api = await signIn(url)
  const started = performance.now()
  const created = await api('createConnection', { body: { vendor: input.vendor, credentials: input.credentials, settings: input.settings } })
  let view = created
  const progress: SyncMeasurement['progressSamples'] = []
  while (view.status !== 'ok') {
    check(performance.now() - started < BACKFILL_TIMEOUT_MS, `backfill not done after ${BACKFILL_TIMEOUT_MS / 60_000} minutes (status ${view.status})`)
    await sleep(1000)
    view = await api('getConnection', { params: { id: created.id } })
    progress.push({ seconds: Math.round((performance.now() - started) / 1000), percent: view.percent, eta: view.etaSeconds })
    if (['failed', 'relink_needed', 'partial'].includes(view.status)) throw new Error(`backfill ended ${view.status}: ${view.statusText}`)
  }
  // The last step logs its profile as it returns, a moment after the run is marked ok.
  await sleep(1000)
  const backfillProfile = profileSoFar()
  const backfill = (await api('listRuns', { params: { id: created.id } })).runs[0]!
  check(backfill.status === 'ok' && backfill.finishedAt, `the backfill run ended ${backfill.status}`)
  const backfillSeconds = (Date.parse(backfill.finishedAt) - Date.parse(backfill.startedAt)) / 1000
  return {
    connectionId: created.id,
    backfillRunId: backfill.id,
    backfillProfile,
    backfill: { rows: backfill.added, requests: backfill.requests, seconds: backfillSeconds, rowsPerSecond: Math.round(backfill.added / backfillSeconds) },
    incrementalNoChange: await forcedNoChange(api, created.id, input),
    progressSamples: progress.filter((_, i) => i % 5 === 0),
  }
}

/** The rows shared by every vendor's sync table: backfill, the raw floor and the ratio, the no-change sync. */
export function syncRows(m: SyncMeasurement, vendorName: string): string {
  const i = m.incrementalNoChange
  const slow = m.slowPassesNoChange
  return [
    `| backfill through the worker | ${int(m.backfill.rows)} rows in ${m.backfill.seconds.toFixed(1)} s = **${int(m.backfill.rowsPerSecond)} rows/s**, ${int(m.backfill.requests)} requests to ${vendorName} |`,
    `| raw SQLite bulk insert of the same ${int(m.rawSqlite.rows)} rows (one transaction, same tables and indexes) | ${m.rawSqlite.seconds.toFixed(2)} s = **${int(m.rawSqlite.rowsPerSecond)} rows/s** |`,
    `| the same rows through D1 alone (fresh local D1, \`jsonb_each\` statements of 900 KB, 10 per batch) | ${m.d1Floor.seconds.toFixed(2)} s = **${int(m.d1Floor.rowsPerSecond)} rows/s** = ${percent(m.d1Floor.rowsPerSecond / m.rawSqlite.rowsPerSecond)} % of the raw insert |`,
    `| ingest ratio (worker backfill ÷ raw insert) | **${m.ratioPercent} %** |`,
    `| backfill split: vendor / ours (in steps + queue hand-off) | ${sec(m.split.vendorSeconds)} waiting on ${vendorName} / **${sec(m.split.ourSeconds)}** ours (${sec(m.split.ourInStepSeconds)} in ${int(m.split.steps)} steps of ${int(m.split.pages)} pages + ${sec(m.split.handOffSeconds)} between steps) |`,
    `| the backfill's wait on us (rows ÷ wall minus vendor) and its ratio to the raw insert; to D1 alone | ${int(m.split.ourRowsPerSecond)} rows/s = ${m.split.ourRatioPercent} %; ${m.split.ourRatioToD1Percent} % |`,
    `| **our work** (rows ÷ phases summed + hand-off, ${sec(m.split.ourWorkSeconds)}; overlapped work counted whole) and its ratio to the raw insert; to D1 alone | **${int(m.split.ourWorkRowsPerSecond)} rows/s = ${m.split.ourWorkRatioPercent} %**; ${m.split.ourWorkRatioToD1Percent} % |`,
    `| step phases (summed; each from the previous await) | ${Object.entries(m.split.phasesMs).map(([k, v]) => `${k.replace(/Ms$/, '')} ${sec(v / 1000)}`).join(', ')} |`,
    `| sync with nothing changed | **${int(i.requests)} requests**, ${i.seconds.toFixed(2)} s, ${i.added}/${i.updated}/${i.deleted} added/updated/deleted; started ${int(i.sinceForceMs)} ms after Force sync |`,
    `| its requests by path (the sandbox's log) | ${top(i.requestsByPath)} |`,
    ...(slow
      ? [
          `| sync with nothing changed, slower passes due | **${int(slow.requests)} requests**, ${slow.seconds.toFixed(2)} s, ${slow.added}/${slow.updated}/${slow.deleted} added/updated/deleted |`,
          `| its requests by path (the sandbox's log) | ${top(slow.requestsByPath)} |`,
        ]
      : []),
  ].join('\n')
}

const sec = (s: number) => `${s.toFixed(1)} s`

/** The six most frequent paths, then the rest as one count. */
function top(byPath: Record<string, number>): string {
  const entries = Object.entries(byPath)
  const shown = entries.slice(0, 6).map(([p, n]) => `${int(n)} × \`${p}\``)
  const rest = entries.slice(6).reduce((sum, [, n]) => sum + n, 0)
  return [...shown, ...(rest ? [`${int(rest)} on ${entries.length - 6} other paths`] : [])].join(', ')
}
