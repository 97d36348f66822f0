/**
 * CPU per request of the local runtime, by endpoint: starts its own `wrangler dev` (the benchmark's probe entry,
 * tools/dev/api-probe.ts, on a temporary D1 with the demo organisation synced from an Aspire sandbox on a free
 * port), sends each endpoint CPU_REQUESTS times one after another and reads the user + system time of that
 * `wrangler dev` process group from /proc: our worker's workerd (which also runs local D1), wrangler's proxy
 * workerd. Only its own processes count, so other workerd processes on a shared machine do not show; CPU time still
 * inflates when the cores are contended (by up to 2× here), so compare only figures taken side by side and say the
 * `uptime` load. `/health` (one trivial statement) and a 404 are the runtime's floor; the rest is ours. Each
 * endpoint's D1 use (statements alone + batches) comes from one counted request (`x-bench-count: 1`).
 *
 *   npx tsx tools/dev/cpu-per-request.ts                     this checkout
 *   CPU_BASE=/tmp/base npx tsx tools/dev/cpu-per-request.ts  before/after: also a stack from another checkout
 *                                                            (git archive <commit> | tar -x -C /tmp/base, and
 *                                                            ln -s "$PWD/node_modules" /tmp/base/), rounds interleaved
 *
 * CPU_REQUESTS (100) per endpoint per round, CPU_ROUNDS (4); the table gives the median round (and the lowest).
 * wrangler's local trace store is off (X_LOCAL_OBSERVABILITY=false) in both. Linux only. Not a benchmark of record:
 * bench/api-latency.bench.ts is.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cpuDelta, groupCpuMs } from '../../bench/support/process-cpu'
import { freePort } from '../../bench/support/ports'

process.env.X_LOCAL_OBSERVABILITY ??= 'false'
const REQUESTS = Number(process.env.CPU_REQUESTS ?? 100)
const ROUNDS = Number(process.env.CPU_ROUNDS ?? 4)
const HERE = path.resolve(import.meta.dirname, '../..')

interface Stack {
  name: string
  url: string
  pgid: number
  token: string
  connectionId: string
  propays: string[]
  tickets: string[]
  stop(): Promise<void>
}

/** The demo stack of the checkout at `root`, run with that checkout's own code. */
async function startStack(name: string, root: string): Promise<Stack> {
  const load = (file: string) => import(path.join(root, file))
  const [{ startAspireSandbox }, { DEMO_CLIENT_ID, DEMO_SECRET }, stack, { DEMO }, { ensureDemoBonusProgram }, { ensureDemoConnections }, { createApiClient }] = await Promise.all([
    load('sandboxes/aspire/serve.ts'),
    load('sandboxes/aspire/sandbox.ts'),
    load('tools/dev/local-stack.ts'),
    load('tools/dev/demo.ts'),
    load('tools/dev/demo-bonus-program.ts'),
    load('tools/dev/demo-connections.ts'),
    load('shared/api/client.ts'),
  ])
  const persistTo = mkdtempSync(path.join(os.tmpdir(), 'protiv-cpu-'))
  const aspire = await startAspireSandbox({ port: 0, seedDemo: true })
  await stack.migrateLocalDb(persistTo)
  await stack.seedDemo(persistTo)
  const worker = await stack.startWorker({ port: await freePort(), persistTo, script: 'tools/dev/api-probe.ts', vars: { CREDENTIALS_KEY: 'YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMzI=' } })
  const stop = async () => {
    await worker.stop()
    await aspire.close()
    rmSync(persistTo, { recursive: true, force: true })
  }
  try {
    const year = new Date().getUTCFullYear()
    await ensureDemoBonusProgram(worker.url, `${year - 1}-01-01`)
    await ensureDemoConnections(worker.url, [{ vendor: 'aspire', credentials: { clientId: DEMO_CLIENT_ID, secret: DEMO_SECRET }, settings: { syncStartDate: `${year - 1}-01-01`, baseUrl: aspire.url } }])
    const { token } = await createApiClient({ baseUrl: worker.url })('login', { body: { email: DEMO.email, password: DEMO.password } })
    const api = createApiClient({ baseUrl: worker.url, token: () => token })
    const connection = (await api('listConnections')).connections.find((c: { vendor: string }) => c.vendor === 'aspire')
    for (let view = connection; view.status !== 'ok'; view = await api('getConnection', { params: { id: connection.id } })) {
      if (['failed', 'relink_needed', 'partial'].includes(view.status)) throw new Error(`${name}: the demo sync ended ${view.status}`)
      await new Promise((r) => setTimeout(r, 500))
    }
    const propays = (await api('listProPays')).propays.map((p: { id: string }) => p.id)
    const tickets: string[] = []
    for (const job of (await api('listJobs', { query: { vendor: 'aspire' } })).jobs.slice(0, 12)) tickets.push(...(await api('getJob', { params: { id: job.id } })).milestones.map((m: { externalId: string }) => m.externalId))
    console.log(`${name}: ${propays.length} ProPays, ${tickets.length} work tickets`)
    return { name, url: worker.url, pgid: worker.child.pid!, token, connectionId: connection.id, propays, tickets, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

type Case = (s: Stack, i: number) => [string, RequestInit]
const auth = (s: Stack) => ({ authorization: `Bearer ${s.token}` })
const get =
  (p: (s: Stack, i: number) => string, signedIn = true): Case =>
  (s, i) => [p(s, i), { headers: signedIn ? auth(s) : {} }]
const CASES: Record<string, Case> = {
  '404 (no route)': get(() => '/nothing-here', false),
  '/health': get(() => '/health', false),
  'GET /me': get(() => '/api/v1/me'),
  'connection status': get((s) => `/api/v1/connections/${s.connectionId}`),
  'connections list': get(() => '/api/v1/connections'),
  'ProPays list': get(() => '/api/v1/propays'),
  'ProPay breakdown': get((s, i) => `/api/v1/propays/${s.propays[i % s.propays.length]}`),
  'badge lookup (GET, per ticket)': get((s, i) => `/api/v1/milestones?vendor=aspire&externalId=${encodeURIComponent(s.tickets[(i * 13) % s.tickets.length]!)}`),
  'badges batch (POST, 40 ids)': (s) => ['/api/v1/milestones/badges', { method: 'POST', headers: { ...auth(s), 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'aspire', externalIds: s.tickets }) }],
}

const cpuOf = (s: Stack) => groupCpuMs(s.pgid, (name, commandLine) => (name !== 'workerd' ? name : commandLine.includes(`entry=127.0.0.1:${new URL(s.url).port} `) ? 'proxy' : 'worker'))

async function measure(s: Stack, name: string, make: Case) {
  const [p, init] = make(s, 0)
  const counted = await fetch(`${s.url}${p}`, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-bench-count': '1' } })
  const bytes = (await counted.arrayBuffer()).byteLength
  const d1 = JSON.parse(counted.headers.get('x-bench-d1') ?? 'null') as { statements: number; batches: number; batchedStatements: number } | null
  const send = async (i: number) => {
    const [url, request] = make(s, i)
    const res = await fetch(`${s.url}${url}`, request)
    await res.arrayBuffer()
    if (res.status >= 500 || (res.status >= 400 && !name.startsWith('404'))) throw new Error(`${s.name}: ${name} answered ${res.status}`)
  }
  for (let i = 0; i < 5; i++) await send(i)
  const before = cpuOf(s)
  for (let i = 0; i < REQUESTS; i++) await send(i)
  const used = cpuDelta(before, cpuOf(s))
  return { worker: (used.worker ?? 0) / REQUESTS, proxy: (used.proxy ?? 0) / REQUESTS, bytes, d1: d1 ? `${d1.statements} + ${d1.batches}${d1.batches ? ` (of ${d1.batchedStatements})` : ''}` : '-' }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!
const ms = (n: number) => n.toFixed(1)
const loadNow = () => os.loadavg()[0]!.toFixed(2)

const stacks: Stack[] = []
try {
  if (process.env.CPU_BASE) stacks.push(await startStack('base', path.resolve(process.env.CPU_BASE)))
  stacks.push(await startStack('this checkout', HERE))
  const loads = [loadNow()]
  const results = new Map<string, Map<string, Awaited<ReturnType<typeof measure>>[]>>()
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, make] of Object.entries(CASES)) {
      // Alternate which stack goes first, so neither always meets the same moment of a neighbour's load.
      for (const s of round % 2 ? [...stacks].reverse() : stacks) {
        const byStack = results.get(name) ?? new Map()
        byStack.set(s.name, [...(byStack.get(s.name) ?? []), await measure(s, name, make)])
        results.set(name, byStack)
      }
    }
    loads.push(loadNow())
  }
  console.log(`\n${ROUNDS} rounds × ${REQUESTS} requests per endpoint; load average (1 min) at each round: ${loads.join(', ')}`)
  const heads = stacks.map((s) => `${s.name}: worker ms, median (lowest) | proxy | D1`)
  console.log(`| endpoint | ${heads.join(' | ')} |`)
  console.log(`| --- | ${heads.map(() => '--- | --- | ---').join(' | ')} |`)
  for (const [name, byStack] of results) {
    const cells = stacks.map((s) => {
      const runs = byStack.get(s.name)!
      return `${ms(median(runs.map((r) => r.worker)))} (${ms(Math.min(...runs.map((r) => r.worker)))}) | ${ms(median(runs.map((r) => r.proxy)))} | ${runs[0]!.d1}`
    })
    console.log(`| ${name} | ${cells.join(' | ')} |`)
  }
} finally {
  for (const s of stacks) await s.stop()
}
