/**
 * API latency at load: an open-loop load generator (bench/support/open-loop.ts) sends a fixed rate of the
 * extension's everyday reads to the real worker under `wrangler dev`, with the demo organisation synced from
 * the Aspire sandbox's demo tenant (so lists have rows and ProPays exist). Latency is measured from each
 * request's scheduled send time to its whole answer (free of coordinated omission) and is the local dev
 * runtime's (workerd + local D1 on this machine), not Cloudflare's edge.
 *
 *   npm run bench -- api-latency        (BENCH_RATES=10,25,50,100 BENCH_SECONDS=20 by default)
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApiClient } from '../shared/api/client'
import { DEMO } from '../tools/dev/demo'
import { ensureDemoBonusProgram } from '../tools/dev/demo-bonus-program'
import { ensureDemoConnections } from '../tools/dev/demo-connections'
import { migrateLocalDb, seedDemo, startWorker } from '../tools/dev/local-stack'
import { DEMO_CLIENT_ID, DEMO_SECRET } from '../sandboxes/aspire/sandbox'
import { startAspireSandbox } from '../sandboxes/aspire/serve'
import { loadAverage } from './support/machine'
import { cpuDelta, groupCpuMs } from './support/process-cpu'
import { type Request, runOpenLoop, type Sample } from './support/open-loop'
import { summarize } from './support/percentiles'
import { freePort } from './support/ports'
import { check, int, runBench } from './support/results'

const RATES = (process.env.BENCH_RATES ?? '10,25,50,100').split(',').map(Number)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
/** Requests per endpoint sent one at a time, before the load: each endpoint's own cost, without queueing. */
const SERIAL = Number(process.env.BENCH_SERIAL ?? 40)
const WARM_UP = { rate: 10, durationSeconds: 3 }
const TIMEOUT_MS = 15_000

/** Out of every 20 requests: what the extension does most (badge lookups on ticket lists, status polls) leads. */
const MIX = { 'badge lookup': 6, 'connection status poll': 5, 'connections list': 3, 'ProPays list': 3, 'ProPay breakdown': 3 } as const
type Label = keyof typeof MIX

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** A request that never answered counts as infinitely slow: it ranks last instead of vanishing. */
const latency = (s: Sample) => (s.timedOut ? Infinity : s.latencyMs)
const ms = (n: number) => (Number.isFinite(n) ? int(n) : `> ${TIMEOUT_MS / 1000} s`)
const tenth = (n: number) => Math.round(n * 10) / 10
const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0)

/** `12.3 ms (workerd 9.1 + node 3.2)`. */
const cpuText = (byName: Record<string, number>) =>
  `${tenth(sum(byName))} ms (${Object.entries(byName)
    .filter(([, v]) => v > 0)
    .map(([name, v]) => `${name} ${tenth(v)}`)
    .join(' + ')})`

interface D1Use {
  statements: number
  batches: number
  batchedStatements: number
}

/** Waits until the worker answers /health quickly again, so one rate's backlog does not spill into the next. */
async function settle(url: string) {
  const deadline = Date.now() + 60_000
  let quick = 0
  while (quick < 3 && Date.now() < deadline) {
    const t = performance.now()
    await (await fetch(`${url}/health`)).arrayBuffer()
    quick = performance.now() - t < 100 ? quick + 1 : 0
    await sleep(200)
  }
}

/** The mix as a fixed cycle of 20 slots, interleaved (7 is coprime with 20) so no kind comes in a burst. */
function cycle(): Label[] {
  const slots = Object.entries(MIX).flatMap(([label, n]) => Array.from({ length: n }, () => label as Label))
  return slots.map((_, i) => slots[(i * 7) % slots.length]!)
}

await runBench('api-latency', 'API latency at load', async () => {
  const persistTo = mkdtempSync(path.join(os.tmpdir(), 'protiv-bench-api-'))
  const aspire = await startAspireSandbox({ port: 0, seedDemo: true })
  try {
    await migrateLocalDb(persistTo)
    await seedDemo(persistTo)
    // The probe entry runs the real handlers and, only when asked per request, counts their D1 round trips.
    const worker = await startWorker({ port: await freePort(), persistTo, script: 'tools/dev/api-probe.ts', vars: { CREDENTIALS_KEY: 'YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMzI=' } })
    try {
      const year = new Date().getUTCFullYear()
      await ensureDemoBonusProgram(worker.url, `${year - 1}-01-01`)
      const { failed } = await ensureDemoConnections(worker.url, [
        { vendor: 'aspire', credentials: { clientId: DEMO_CLIENT_ID, secret: DEMO_SECRET }, settings: { syncStartDate: `${year - 1}-01-01`, baseUrl: aspire.url } },
      ])
      check(!failed.length, `could not connect the demo organisation: ${failed.map((f) => f.error).join('; ')}`)
      const { token } = await createApiClient({ baseUrl: worker.url })('login', { body: { email: DEMO.email, password: DEMO.password } })
      const api = createApiClient({ baseUrl: worker.url, token: () => token })

      const connection = (await api('listConnections')).connections.find((c) => c.vendor === 'aspire')!
      const syncStarted = Date.now()
      for (let view = connection; view.status !== 'ok'; view = await api('getConnection', { params: { id: connection.id } })) {
        check(!['failed', 'relink_needed', 'partial'].includes(view.status), `the demo sync ended ${view.status}: ${view.statusText}`)
        check(Date.now() - syncStarted < 5 * 60_000, 'the demo sync did not finish within 5 minutes')
        await sleep(500)
      }
      const { propays } = await api('listProPays')
      check(propays.length, 'the synced demo organisation has no ProPays: the lists would be empty')
      const { jobs } = await api('listJobs', { query: { vendor: 'aspire' } })
      const tickets: string[] = []
      for (const job of jobs.slice(0, 12)) tickets.push(...(await api('getJob', { params: { id: job.id } })).milestones.map((m) => m.externalId))
      check(tickets.length, 'no work tickets to look up')
      let ticketsWithProPay = 0
      for (const externalId of tickets) if ((await api('findMilestones', { query: { vendor: 'aspire', externalId } })).milestones[0]?.milestone.propay) ticketsWithProPay++
      const data = { connections: 1, jobs: jobs.length, propays: propays.length, ticketsLookedUp: tickets.length, ticketsWithProPay }
      console.log('demo data:', data)

      const headers = { authorization: `Bearer ${token}` }
      const slots = cycle()
      const pathOf = (i: number): { label: Label; path: string } => {
        const label = slots[i % slots.length]!
        const n = Math.floor(i / slots.length)
        switch (label) {
          case 'badge lookup':
            return { label, path: `/api/v1/milestones?vendor=aspire&externalId=${encodeURIComponent(tickets[(i * 13) % tickets.length]!)}` }
          case 'connection status poll':
            return { label, path: `/api/v1/connections/${connection.id}` }
          case 'connections list':
            return { label, path: '/api/v1/connections' }
          case 'ProPays list':
            return { label, path: '/api/v1/propays' }
          case 'ProPay breakdown':
            return { label, path: `/api/v1/propays/${propays[n % propays.length]!.id}` }
        }
      }
      const next = (i: number): Request => {
        const { label, path: p } = pathOf(i)
        return { label, send: (signal) => fetch(`${worker.url}${p}`, { headers, signal }) }
      }

      const warmUp = await runOpenLoop({ ...WARM_UP, next, timeoutMs: TIMEOUT_MS })
      check(warmUp.samples.every((s) => !s.error), `the warm-up had errors: ${warmUp.samples.find((s) => s.error)?.error}`)

      // Each endpoint alone, one request at a time: its latency without queueing, the CPU the wrangler dev process
      // group (workerd + wrangler's node proxy) spent per request, and the D1 round trips it makes.
      // wrangler dev runs two workerd processes: its proxy on the port we call, and the one running our worker (its own
      // port, chosen at random). Each is one thread, so the worker's own share is what caps the throughput.
      const cpuOf = () => groupCpuMs(worker.child.pid!, (name, commandLine) => (name !== 'workerd' ? name : commandLine.includes(`entry=127.0.0.1:${new URL(worker.url).port} `) ? 'proxy workerd' : 'worker workerd'))
      const serial: Record<string, { latencyMs: ReturnType<typeof summarize>; cpuMsPerRequest: Record<string, number>; d1: D1Use }> = {}
      await settle(worker.url)
      for (const label of Object.keys(MIX) as Label[]) {
        // The k-th request of this kind in the load's own order, so the serial run reads the same rows.
        const own = slots.flatMap((l, i) => (l === label ? [i] : []))
        const indexOf = (k: number) => own[k % own.length]! + slots.length * Math.floor(k / own.length)
        const counted = await fetch(`${worker.url}${pathOf(indexOf(0)).path}`, { headers: { ...headers, 'x-bench-count': '1' } })
        await counted.arrayBuffer()
        check(counted.ok && counted.headers.get('x-bench-d1'), `${label} answered ${counted.status} without its D1 count`)
        const before = cpuOf()
        const latencies: number[] = []
        for (let k = 0; k < SERIAL; k++) {
          const t = performance.now()
          const res = await next(indexOf(k)).send(AbortSignal.timeout(TIMEOUT_MS))
          await res.arrayBuffer()
          check(res.ok, `${label} answered ${res.status}`)
          latencies.push(performance.now() - t)
        }
        const used = cpuDelta(before, cpuOf())
        serial[label] = {
          latencyMs: summarize(latencies),
          cpuMsPerRequest: Object.fromEntries(Object.entries(used).map(([name, cpu]) => [name, tenth(cpu / SERIAL)])),
          d1: JSON.parse(counted.headers.get('x-bench-d1')!) as D1Use,
        }
      }
      const serialLoad = loadAverage()
      console.log('one at a time:', serial)

      const stages: Array<{
        rate: number
        seconds: number
        requests: number
        achievedPerSecond: number
        errors: number
        errorKinds: string[]
        latencyMs: ReturnType<typeof summarize>
        byEndpointMs: Record<string, ReturnType<typeof summarize>>
        generatorMaxSendLagMs: number
        /** CPU of the wrangler dev process group per answered request, by process name. */
        cpuMsPerRequest: Record<string, number>
        loadAverageAfter: [number, number, number]
      }> = []
      for (const rate of RATES) {
        await settle(worker.url)
        const before = cpuOf()
        const run = await runOpenLoop({ rate, durationSeconds: SECONDS, next, timeoutMs: TIMEOUT_MS })
        const used = cpuDelta(before, cpuOf())
        const ok = run.samples.filter((s) => !s.error)
        const errors = run.samples.filter((s) => s.error)
        check(ok.length, `every request failed at ${rate} req/s: ${errors[0]?.error}`)
        const byLabel = (samples: Sample[]) => Object.fromEntries(Object.keys(MIX).map((label) => [label, summarize(samples.filter((s) => s.label === label).map(latency))]))
        const stage = {
          rate,
          seconds: SECONDS,
          requests: run.samples.length,
          achievedPerSecond: Math.round((ok.length / run.elapsedSeconds) * 10) / 10,
          errors: errors.length,
          errorKinds: [...new Set(errors.map((e) => e.error ?? 'error'))],
          latencyMs: summarize(run.samples.map(latency)),
          byEndpointMs: byLabel(run.samples),
          generatorMaxSendLagMs: Math.round(Math.max(...run.samples.map((s) => s.sendLagMs)) * 10) / 10,
          cpuMsPerRequest: Object.fromEntries(Object.entries(used).map(([name, cpu]) => [name, tenth(cpu / Math.max(ok.length, 1))])),
          loadAverageAfter: loadAverage(),
        }
        console.log(`${rate} req/s:`, stage.latencyMs, `errors ${stage.errors}`)
        stages.push(stage)
      }

      const labels = Object.keys(MIX) as Label[]
      const markdown = `Demo organisation synced from the Aspire demo tenant: ${data.jobs} jobs, ${data.propays} ProPays, ${data.ticketsLookedUp} work tickets looked up (${data.ticketsWithProPay} with a ProPay). Mix per 20 requests: ${labels.map((l) => `${l} ${MIX[l]}`).join(', ')}. ${SECONDS} s per rate after a ${WARM_UP.durationSeconds} s warm-up; latency in ms from each request's scheduled send to its whole answer (a request unanswered after ${TIMEOUT_MS / 1000} s counts as an error and as slower than any answer), on \`wrangler dev\` (local workerd and D1), not Cloudflare's edge.

| offered rate | requests | achieved | errors | p50 | p90 | p99 | max | generator's worst send lag | CPU per answer (workerd + wrangler) | load average after |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${stages.map((s) => `| ${s.rate} req/s | ${int(s.requests)} | ${s.achievedPerSecond} req/s | ${s.errors}${s.errorKinds.length ? ` (${s.errorKinds.join('; ')})` : ''} | **${ms(s.latencyMs.p50)}** | ${ms(s.latencyMs.p90)} | **${ms(s.latencyMs.p99)}** | ${ms(s.latencyMs.max)} | ${ms(s.generatorMaxSendLagMs)} | ${cpuText(s.cpuMsPerRequest)} | ${s.loadAverageAfter[0]} |`).join('\n')}

One at a time (${SERIAL} requests of each kind, after the warm-up; load average ${serialLoad.join(' / ')}):

| endpoint | p50 | p90 | CPU per request (workerd + wrangler) | D1 round trips (statements alone + batches) |
| --- | --- | --- | --- | --- |
${labels.map((l) => `| ${l} | ${tenth(serial[l]!.latencyMs.p50)} ms | ${tenth(serial[l]!.latencyMs.p90)} ms | ${cpuText(serial[l]!.cpuMsPerRequest)} | ${serial[l]!.d1.statements + serial[l]!.d1.batches} (${serial[l]!.d1.statements} + ${serial[l]!.d1.batches}${serial[l]!.d1.batches ? ` of ${serial[l]!.d1.batchedStatements} statements` : ''}) |`).join('\n')}
| the mix, weighted | | | ${tenth(labels.reduce((a, l) => a + sum(serial[l]!.cpuMsPerRequest) * MIX[l], 0) / 20)} ms | |

| endpoint (p50 / p99 ms) | ${stages.map((s) => `${s.rate} req/s`).join(' | ')} |
| --- | ${stages.map(() => '---').join(' | ')} |
${labels.map((l) => `| ${l} | ${stages.map((s) => `${ms(s.byEndpointMs[l]!.p50)} / ${ms(s.byEndpointMs[l]!.p99)}`).join(' | ')} |`).join('\n')}`
      // JSON has no Infinity: a timed-out percentile is written as null.
      return { figures: { data, mix: MIX, warmUp: WARM_UP, timeoutMs: TIMEOUT_MS, serial: { requestsEach: SERIAL, loadAverage: serialLoad, byEndpoint: serial }, stages }, markdown }
    } finally {
      await worker.stop()
    }
  } finally {
    await aspire.close()
    rmSync(persistTo, { recursive: true, force: true })
  }
})
