/**
 * CPU micro-benchmark of what the Buildertrend connector does per page of a backfill (#16's ingest ratio), in Node
 * without D1 and without the vendor: the first sync of the sandbox's large tenant (the same tenant and sync start as
 * bench/buildertrend-sync.bench.ts) is read once through the connector's own streams, every answer kept as text; then
 * each page is replayed from those texts several times over and timed stage by stage:
 *
 * - `nextPage`, whole: what the sync step's "page" phase holds besides the vendor's wait (transport, envelope, parse,
 *   mapping, time-zone conversion, the stream's own bookkeeping), per stream;
 * - `JSON.parse` of the answers (the yardstick: no change of ours makes it cheaper);
 * - the mappers alone (map/*: shifts → time entries, workers, wages, cost codes; jobs; budgets), on parsed answers;
 * - `guardRows` (worker/sync/guard, run by the page writer on every page) and the row hash (payload text + `rowHash`,
 *   run by the write planner on every row).
 *
 * Medians and minimums of the repetitions.
 *
 *   npx tsx bench/buildertrend-map.bench.ts          (BENCH_REPS, default 9)
 *
 * @module
 */
import { startBuildertrendSandbox } from '../sandboxes/buildertrend/serve'
import type { BtContext } from '../worker/connectors/buildertrend/client'
import { buildertrendConnector } from '../worker/connectors/buildertrend/connector'
import { mapBudgets } from '../worker/connectors/buildertrend/map/budgets'
import { isRealJob, mapJob, mapJobMilestone } from '../worker/connectors/buildertrend/map/jobs'
import { costCodesOf, mapCostCode, wagesOf, workersOf } from '../worker/connectors/buildertrend/map/people'
import { mapShift, workDateOf } from '../worker/connectors/buildertrend/map/shifts'
import { BuildertrendSettings } from '../worker/connectors/buildertrend/settings'
import type { BtBudgetResponse, BtEnvelope, BtGridPage, BtPickerJob, BtShiftRow, BtWorksheet } from '../worker/connectors/buildertrend/types'
import type { AnyCanonicalRow } from '../worker/sync/canonical-row'
import type { CanonicalRow, StreamPage } from '../worker/sync/connector'
import { guardRows } from '../worker/sync/guard/guard-rows'
import { rowHash } from '../worker/sync/row-hash'
import { tableSql } from '../worker/sync/synced-sql'
import { createVendorHttp, type VendorHttp } from '../worker/sync/vendor-http'
import { check, int, runBench } from './support/results'

const REPS = Number(process.env.BENCH_REPS ?? 9)
/** The organisation's zone in the full sync bench (organizations.time_zone's default). */
const ORG_ZONE = 'America/Chicago'
const USERNAME = 'bench@buildertrend.test'
const PASSWORD = 'bench-password'

interface Answer {
  status: number
  headers: [string, string][]
  text: string
}
/** Every answer, in order, by request (method, path, body): a replay hands them out again in the same order. */
type Recording = Map<string, Answer[]>

const keyOf = (url: string, init?: RequestInit) => `${init?.method ?? 'GET'} ${new URL(url).pathname}${new URL(url).search} ${typeof init?.body === 'string' ? init.body : ''}`

function recordingHttp(into: Recording): VendorHttp {
  const http = createVendorHttp()
  return {
    async fetch(url, init) {
      const res = await http.fetch(url, init)
      const text = await res.text()
      const key = keyOf(url, init)
      into.set(key, [...(into.get(key) ?? []), { status: res.status, headers: [...res.headers], text }])
      return new Response(text, { status: res.status, headers: res.headers })
    },
    get requests() {
      return http.requests
    },
    get waitedMs() {
      return http.waitedMs
    },
  }
}

function replayingHttp(from: Recording): VendorHttp {
  const next = new Map<string, number>()
  let requests = 0
  return {
    async fetch(url, init) {
      const key = keyOf(url, init)
      const i = next.get(key) ?? 0
      const answer = from.get(key)?.[i]
      if (!answer) throw new Error(`the replay has no answer ${i + 1} to ${key.slice(0, 200)}`)
      next.set(key, i + 1)
      requests++
      return new Response(answer.status === 204 ? null : answer.text, { status: answer.status, headers: answer.headers })
    },
    get requests() {
      return requests
    },
    waitedMs: 0,
  }
}

function contextOf(http: VendorHttp, settings: BuildertrendSettings, now: number): BtContext {
  return {
    connectionId: 'bench',
    orgTimeZone: ORG_ZONE,
    credentials: { username: USERNAME, password: PASSWORD },
    settings,
    http,
    now,
    // A first sync: nothing is held yet.
    existingIds: async () => new Set(),
    heldValues: async () => new Map(),
    holdsAny: async () => false,
    holdsOutside: async () => false,
  }
}

interface PageRecord {
  stream: string
  page: StreamPage
}

/** One backfill through every stream, in the order a sync step runs them; the pages it produced. */
async function backfill(ctx: BtContext): Promise<PageRecord[]> {
  const pages: PageRecord[] = []
  for (const stream of buildertrendConnector.streams(ctx.settings)) {
    let checkpoint: unknown = null
    for (let n = 0; ; n++) {
      check(n < 1000, `stream ${stream.name} did not finish`)
      const page = await stream.nextPage(ctx, { checkpoint, cursor: null, backfilled: false })
      pages.push({ stream: stream.name, page })
      checkpoint = page.checkpoint
      if (checkpoint === null) break
    }
  }
  return pages
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const round1 = (ms: number) => Math.round(ms * 10) / 10

function timer() {
  const times = new Map<string, number[]>()
  return {
    times,
    /** Adds the time of `step` to this repetition's entry of `stage`. */
    add(stage: string, rep: number, ms: number) {
      const list = times.get(stage) ?? times.set(stage, []).get(stage)!
      list[rep] = (list[rep] ?? 0) + ms
    },
  }
}

const unwrap = <T>(text: string) => (JSON.parse(text) as BtEnvelope<T>).data

await runBench('buildertrend-map', 'Buildertrend pages: nextPage, parse, map, guard, hash (CPU)', async () => {
  const sandbox = await startBuildertrendSandbox({ port: 0 })
  const recording: Recording = new Map()
  const settings = BuildertrendSettings.parse({ syncStartDate: new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10), baseUrl: sandbox.url })
  const now = Date.now()
  let recorded: PageRecord[]
  try {
    const res = await fetch(`${sandbox.url}/__control/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'bench', username: USERNAME, password: PASSWORD, size: 'large', seed: 'bench' }),
    })
    check(res.ok, `the Buildertrend sandbox refused the large tenant: ${res.status} ${await res.clone().text()}`)
    recorded = await backfill(contextOf(recordingHttp(recording), settings, now))
  } finally {
    await sandbox.close()
  }
  const answers = [...recording.values()].flat()
  const rowsOf = (pages: PageRecord[]) => pages.reduce((n, p) => n + p.page.upserts.reduce((m, u) => m + u.rows.length, 0), 0)
  const rows = rowsOf(recorded)
  check(rows > 15_000, `only ${rows} rows from the large tenant`)

  // The answers by kind, parsed once, for the mapper-only stages.
  const texts = (prefix: string) => [...recording].filter(([key]) => key.startsWith(prefix)).flatMap(([, list]) => list.map((a) => a.text))
  const gridTexts = texts('POST /api/TimeClock/Grid')
  const pickerTexts = texts('POST /api/jobpicker/GetJobPickerData')
  const budgetTexts = texts('POST /apix/v2/JobCostingBudget')
  const worksheetTexts = [...recording].filter(([key]) => /^GET \/api\/Proposals\/\d+\/Worksheet/.test(key)).map(([key, list]) => ({ jobId: Number(/Proposals\/(\d+)/.exec(key)![1]), text: list[0]!.text }))
  const jobsiteTexts = [...recording].filter(([key]) => /^GET \/api\/Jobsites\/\d+/.test(key)).map(([, list]) => list[0]!.text)
  const grids = gridTexts.map((t) => unwrap<BtGridPage<BtShiftRow>>(t))
  const picker = (unwrap<{ jobs?: BtPickerJob[] }>(pickerTexts[0]!).jobs ?? []).filter(isRealJob)
  const details = jobsiteTexts.map((t) => unwrap<{ jobInfo?: { contractPrice?: number } }>(t))
  const budgets = budgetTexts.map((t) => JSON.parse(t) as BtBudgetResponse)
  const worksheets = worksheetTexts.map(({ jobId, text }) => ({ jobId, worksheet: unwrap<BtWorksheet>(text) }))

  const t = timer()
  const byStream = new Map<string, PageRecord[]>()
  for (const p of recorded) byStream.set(p.stream, [...(byStream.get(p.stream) ?? []), p])
  for (let rep = 0; rep < REPS; rep++) {
    // The whole backfill again, every answer from the recording: each page timed on its own, summed per stream.
    const ctx = contextOf(replayingHttp(recording), settings, now)
    for (const stream of buildertrendConnector.streams(settings)) {
      let checkpoint: unknown = null
      for (;;) {
        const started = performance.now()
        const page = await stream.nextPage(ctx, { checkpoint, cursor: null, backfilled: false })
        t.add(`nextPage ${stream.name}`, rep, performance.now() - started)
        checkpoint = page.checkpoint
        if (checkpoint === null) break
      }
    }
    let started = performance.now()
    for (const a of answers) if (a.text) JSON.parse(a.text)
    t.add('JSON.parse, every answer', rep, performance.now() - started)

    started = performance.now()
    for (const grid of grids) {
      const shifts = grid.data ?? []
      const inWindow = shifts.filter((s) => /^\d{4}-\d\d-\d\d$/.test(workDateOf(s)))
      inWindow.flatMap((s) => mapShift(s, ORG_ZONE))
      workersOf(inWindow)
      wagesOf(inWindow)
      costCodesOf(inWindow)
    }
    t.add('map: shifts (mapShift, workers, wages, cost codes)', rep, performance.now() - started)

    started = performance.now()
    for (const [i, job] of picker.entries()) {
      mapJob(job as BtPickerJob & { jobId: number }, details[i]?.jobInfo?.contractPrice ?? null)
      mapJobMilestone(job as BtPickerJob & { jobId: number })
    }
    for (const [i, { jobId, worksheet }] of worksheets.entries()) {
      const budget = budgets[i] ?? null
      mapBudgets(jobId, budget, worksheet)
      for (const c of budget?.costCategories?.flatMap((k) => k.costCodes ?? []) ?? []) mapCostCode(c.id, c.title)
    }
    t.add('map: jobs, milestones, budgets', rep, performance.now() - started)

    started = performance.now()
    for (const { page } of recorded) for (const u of page.upserts) guardRows(u.table, u.rows as AnyCanonicalRow[])
    t.add('guardRows, every page', rep, performance.now() - started)

    started = performance.now()
    for (const { page } of recorded) {
      for (const u of page.upserts) {
        const sql = tableSql(u.table)
        for (const row of u.rows as CanonicalRow<typeof u.table>[]) rowHash(sql.payloadArrayText(row as AnyCanonicalRow))
      }
    }
    t.add('row hash (payload text + rowHash), every row', rep, performance.now() - started)
  }

  const stages = [...t.times].map(([stage, list]) => ({ stage, medianMs: round1(median(list)), minMs: round1(Math.min(...list)) }))
  const nextPageTotal = stages.filter((s) => s.stage.startsWith('nextPage')).reduce((n, s) => n + s.medianMs, 0)
  const figures = {
    pages: recorded.length,
    pagesByStream: Object.fromEntries([...byStream].map(([name, list]) => [name, list.length])),
    rows,
    rowsByTable: recorded.reduce<Record<string, number>>((acc, { page }) => {
      for (const u of page.upserts) acc[u.table] = (acc[u.table] ?? 0) + u.rows.length
      return acc
    }, {}),
    requests: answers.length,
    answerBytes: answers.reduce((n, a) => n + a.text.length, 0),
    answerBytesByPath: [...recording].reduce<Record<string, number>>((acc, [key, list]) => {
      const path = key.split(' ')[1]!.replace(/\?.*$/, '').replace(/\/\d+(?=\/|$)/g, '/{id}')
      acc[path] = (acc[path] ?? 0) + list.reduce((n, a) => n + a.text.length, 0)
      return acc
    }, {}),
    reps: REPS,
    stages,
    nextPageMedianMs: round1(nextPageTotal),
  }
  return {
    figures,
    markdown: `${int(rows)} rows in ${recorded.length} pages from ${int(answers.length)} answers (${int(figures.answerBytes / 1024)} KiB), ${REPS} repetitions, replayed without the vendor

| stage, whole backfill | median | min |
| --- | --- | --- |
${stages.map((s) => `| ${s.stage} | ${s.medianMs.toFixed(1)} ms | ${s.minMs.toFixed(1)} ms |`).join('\n')}
| nextPage, all streams | ${nextPageTotal.toFixed(1)} ms | |`,
  }
})
