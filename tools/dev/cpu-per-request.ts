/**
 * CPU per request of the local runtime, by endpoint: starts its own `wrangler dev` (the benchmark's probe entry,
 * tools/dev/api-probe.ts, on a temporary D1 with the demo organisation synced from an Aspire sandbox on a free
 * port), sends each endpoint REQUESTS times one after another and reads the user + system time of that
 * `wrangler dev` process group from /proc, split into our worker's workerd, wrangler's proxy workerd and node.
 * Only its own processes are counted, so other workerd processes on a shared machine do not show; CPU time still
 * inflates somewhat when the cores are contended, so say the `uptime` load beside the figures. `/health` (no
 * session, one trivial statement) and a 404 are the runtime's own floor; the rest is ours. Each endpoint's D1 round
 * trips come from one counted request (`x-bench-count: 1`).
 *
 *   npx tsx tools/dev/cpu-per-request.ts          (CPU_REQUESTS=200 by default)
 *
 * Linux only (reads /proc). Not a benchmark of record: bench/api-latency.bench.ts is.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cpuDelta, groupCpuMs } from '../../bench/support/process-cpu'
import { freePort } from '../../bench/support/ports'
import { createApiClient } from '../../shared/api/client'
import { DEMO_CLIENT_ID, DEMO_SECRET } from '../../sandboxes/aspire/sandbox'
import { startAspireSandbox } from '../../sandboxes/aspire/serve'
import { DEMO } from './demo'
import { ensureDemoBonusProgram } from './demo-bonus-program'
import { ensureDemoConnections } from './demo-connections'
import { migrateLocalDb, seedDemo, startWorker } from './local-stack'

const REQUESTS = Number(process.env.CPU_REQUESTS ?? 200)
const tenth = (n: number) => (Math.round(n * 10) / 10).toFixed(1)

const persistTo = mkdtempSync(path.join(os.tmpdir(), 'protiv-cpu-'))
const aspire = await startAspireSandbox({ port: 0, seedDemo: true })
try {
  await migrateLocalDb(persistTo)
  await seedDemo(persistTo)
  const worker = await startWorker({ port: await freePort(), persistTo, script: 'tools/dev/api-probe.ts', vars: { CREDENTIALS_KEY: 'YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMzI=' } })
  try {
    const year = new Date().getUTCFullYear()
    await ensureDemoBonusProgram(worker.url, `${year - 1}-01-01`)
    await ensureDemoConnections(worker.url, [
      { vendor: 'aspire', credentials: { clientId: DEMO_CLIENT_ID, secret: DEMO_SECRET }, settings: { syncStartDate: `${year - 1}-01-01`, baseUrl: aspire.url } },
    ])
    const { token } = await createApiClient({ baseUrl: worker.url })('login', { body: { email: DEMO.email, password: DEMO.password } })
    const api = createApiClient({ baseUrl: worker.url, token: () => token })
    const connection = (await api('listConnections')).connections.find((c) => c.vendor === 'aspire')!
    for (let view = connection; view.status !== 'ok'; view = await api('getConnection', { params: { id: connection.id } })) {
      if (['failed', 'relink_needed', 'partial'].includes(view.status)) throw new Error(`the demo sync ended ${view.status}`)
      await new Promise((r) => setTimeout(r, 500))
    }
    const { propays } = await api('listProPays')
    const { jobs } = await api('listJobs', { query: { vendor: 'aspire' } })
    const tickets: string[] = []
    for (const job of jobs.slice(0, 12)) tickets.push(...(await api('getJob', { params: { id: job.id } })).milestones.map((m) => m.externalId))
    console.log(`demo data: ${jobs.length} jobs, ${propays.length} ProPays, ${tickets.length} work tickets; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)

    const auth = { authorization: `Bearer ${token}` }
    type Case = (i: number) => [string, RequestInit]
    const get =
      (p: (i: number) => string, headers: Record<string, string> = auth): Case =>
      (i) => [p(i), { headers }]
    const cases: Record<string, Case> = {
      '/health': get(() => '/health', {}),
      '404 (no route)': get(() => '/nothing-here', {}),
      'GET /me': get(() => '/api/v1/me'),
      'connection status': get(() => `/api/v1/connections/${connection.id}`),
      'connections list': get(() => '/api/v1/connections'),
      'ProPays list': get(() => '/api/v1/propays'),
      'ProPay breakdown': get((i) => `/api/v1/propays/${propays[i % propays.length]!.id}`),
      'badge lookup (GET)': get((i) => `/api/v1/milestones?vendor=aspire&externalId=${encodeURIComponent(tickets[(i * 13) % tickets.length]!)}`),
      [`badges batch (POST, ${tickets.length} ids)`]: () => [
        '/api/v1/milestones/badges',
        { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'aspire', externalIds: tickets }) },
      ],
    }
    const cpuOf = () => groupCpuMs(worker.child.pid!, (name, commandLine) => (name !== 'workerd' ? name : commandLine.includes(`entry=127.0.0.1:${new URL(worker.url).port} `) ? 'proxy' : 'worker'))
    console.log(`${'endpoint'.padEnd(30)} ${'worker workerd'.padStart(15)} ${'proxy'.padStart(7)} ${'node'.padStart(6)}  D1 (statements + batches)  bytes`)
    for (const [name, make] of Object.entries(cases)) {
      const [p, init] = make(0)
      const counted = await fetch(`${worker.url}${p}`, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-bench-count': '1' } })
      const bytes = (await counted.arrayBuffer()).byteLength
      const d1 = JSON.parse(counted.headers.get('x-bench-d1') ?? 'null') as { statements: number; batches: number; batchedStatements: number } | null
      // Warm the isolate's code paths for this endpoint before counting.
      for (let i = 0; i < 10; i++) await (await fetch(`${worker.url}${make(i)[0]}`, make(i)[1])).arrayBuffer()
      const before = cpuOf()
      for (let i = 0; i < REQUESTS; i++) {
        const [url, req] = make(i)
        const res = await fetch(`${worker.url}${url}`, req)
        await res.arrayBuffer()
        if (res.status >= 500 || (res.status >= 400 && !name.startsWith('404'))) throw new Error(`${name} answered ${res.status}`)
      }
      const used = cpuDelta(before, cpuOf())
      const per = (k: string) => tenth((used[k] ?? 0) / REQUESTS)
      const d1Text = d1 ? `${d1.statements} + ${d1.batches}${d1.batches ? ` (of ${d1.batchedStatements})` : ''}` : '-'
      console.log(`${name.padEnd(30)} ${per('worker').padStart(12)} ms ${per('proxy').padStart(7)} ${per('node').padStart(6)}  ${d1Text.padEnd(26)} ${bytes}`)
    }
    console.log(`load after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  } finally {
    await worker.stop()
  }
} finally {
  await aspire.close()
  rmSync(persistTo, { recursive: true, force: true })
}
