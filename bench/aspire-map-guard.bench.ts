/**
 * CPU micro-benchmark of two steps of an Aspire backfill (#16's ingest ratio), in Node without D1: every
 * `/WorkTicketTimes` page of the sandbox's large tenant (250,000 time entries) is fetched once and kept as text,
 * then timed several times over: `JSON.parse`, `mapWorkTicketTime` (the mapper) and `guardRows('timeEntries')`
 * (the value rules), page by page as a sync does. Medians and minimums of the repetitions; JSON.parse is there
 * as the yardstick, being work no change of ours can make cheaper.
 *
 *   npm run bench -- map-guard          (or: npx tsx bench/aspire-map-guard.bench.ts; BENCH_REPS, default 7)
 *
 * @module
 */
import { startAspireSandbox } from '../sandboxes/aspire/serve'
import { mapWorkTicketTime } from '../worker/connectors/aspire/map/time-and-materials'
import type { AspireWorkTicketTime } from '../worker/connectors/aspire/types'
import type { AnyCanonicalRow } from '../worker/sync/canonical-row'
import { guardRows } from '../worker/sync/guard/guard-rows'
import type { SkipTally } from '../worker/sync/guard/skip-tally'
import { check, int, runBench } from './support/results'

const REPS = Number(process.env.BENCH_REPS ?? 7)
const ORG_ZONE = 'America/New_York'

async function fetchPages(baseUrl: string): Promise<string[]> {
  const post = (path: string, body: unknown) => fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const tenant = await post('/__control/tenants', { size: 'large', seed: 'bench', clientId: 'c', secret: 's' })
  check(tenant.ok, `the Aspire sandbox refused the large tenant: ${tenant.status} ${await tenant.text()}`)
  const { Token } = (await (await post('/Authorization', { ClientId: 'c', Secret: 's' })).json()) as { Token: string }
  const pages: string[] = []
  // Keyset paging by id, as the connector's backfill reads.
  for (let last = 0; ; ) {
    const query = new URLSearchParams({ 'api-version': '1.0', $filter: `WorkTicketTimeID gt ${last}`, $orderby: 'WorkTicketTimeID asc', $limit: '1000', $pageNumber: '1' })
    const res = await fetch(`${baseUrl}/WorkTicketTimes?${query}`, { headers: { authorization: `Bearer ${Token}` } })
    check(res.ok, `/WorkTicketTimes answered ${res.status}`)
    const text = await res.text()
    const rows = JSON.parse(text) as AspireWorkTicketTime[]
    if (!rows.length) return pages
    pages.push(text)
    const id = rows.at(-1)!.WorkTicketTimeID
    check(typeof id === 'number' && id > last, `/WorkTicketTimes paging did not move past ${last}`)
    last = id
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const round = (ms: number) => Math.round(ms)

await runBench('aspire-map-guard', 'Aspire time entries: parse, map, guard (CPU)', async () => {
  const sandbox = await startAspireSandbox({ port: 0 })
  let texts: string[]
  try {
    texts = await fetchPages(sandbox.url)
  } finally {
    await sandbox.close()
  }
  const parsed = texts.map((text) => JSON.parse(text) as AspireWorkTicketTime[])
  const mapped = parsed.map((rows) => rows.map((r) => mapWorkTicketTime(r, ORG_ZONE) as AnyCanonicalRow))
  const rows = parsed.reduce((n, page) => n + page.length, 0)
  check(rows >= 200_000, `only ${rows} time entries in the large tenant`)

  const times = { parse: [] as number[], map: [] as number[], guard: [] as number[] }
  let kept = 0
  let tally: SkipTally = {}
  const timed = (into: number[], step: () => void) => {
    const started = performance.now()
    step()
    into.push(performance.now() - started)
  }
  for (let rep = 0; rep < REPS; rep++) {
    timed(times.parse, () => void texts.map((text) => JSON.parse(text)))
    // Each page's rows are dropped after it, as in a sync: keeping 250,000 would time the garbage collector.
    timed(times.map, () => {
      for (const page of parsed) page.map((r) => mapWorkTicketTime(r, ORG_ZONE))
    })
    timed(times.guard, () => {
      kept = 0
      tally = {}
      for (const page of mapped) kept += guardRows('timeEntries', page, tally).rows.length
    })
  }
  const skipped = Object.entries(tally).reduce((n, [key, count]) => n + (key.includes('|skipped|') ? count : 0), 0)
  check(kept + skipped === rows, `guard kept ${kept} and skipped ${skipped} of ${rows} rows`)

  const figures = {
    pages: texts.length,
    rows,
    kept,
    tally,
    reps: REPS,
    medianMs: { parse: round(median(times.parse)), map: round(median(times.map)), guard: round(median(times.guard)) },
    minMs: { parse: round(Math.min(...times.parse)), map: round(Math.min(...times.map)), guard: round(Math.min(...times.guard)) },
  }
  const line = (step: keyof typeof times, what: string) =>
    `| ${what} | ${int(figures.medianMs[step])} ms | ${int(figures.minMs[step])} ms | ${((figures.medianMs[step] * 1000) / rows).toFixed(2)} µs |`
  return {
    figures,
    markdown: `${int(rows)} time entries in ${texts.length} pages, ${REPS} repetitions (${int(kept)} kept by the guard)

| step, all pages | median | min | per row (median) |
| --- | --- | --- | --- |
${line('parse', '`JSON.parse` (yardstick)')}
${line('map', '`mapWorkTicketTime`')}
${line('guard', "`guardRows('timeEntries')`")}`,
  }
})
