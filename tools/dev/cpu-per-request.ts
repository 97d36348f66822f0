/**
 * CPU per request of the local runtime, by endpoint, against a running `npm start`: the user + system time of every
 * workerd process (wrangler's proxy and the worker) summed from /proc over 200 sequential requests each. `/health`
 * (no session, no D1) is the runtime's own floor; the rest is ours.
 *
 *   npx tsx tools/dev/cpu-per-request.ts
 *
 * Linux only (reads /proc). Not a benchmark of record: bench/api-latency.bench.ts is.
 * @module
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const BASE = 'http://127.0.0.1:8787'
const REQUESTS = 200
/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100

const pids = execFileSync('pgrep', ['-f', 'bin/workerd serve'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean)
if (!pids.length) throw new Error('no workerd running: start the product with `npm start` first')

const cpuMs = () =>
  pids.reduce((sum, pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
  }, 0)

const login = await fetch(`${BASE}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'admin@demo.protiv.test', password: 'protiv-demo-2026' }),
})
const { token } = (await login.json()) as { token: string }
const auth = { authorization: `Bearer ${token}` }
const { connections } = (await (await fetch(`${BASE}/api/v1/connections`, { headers: auth })).json()) as { connections: Array<{ id: string }> }
const cases: Record<string, [string, Record<string, string>]> = {
  '/health': [`${BASE}/health`, {}],
  'GET /me': [`${BASE}/api/v1/me`, auth],
  'connection status': [`${BASE}/api/v1/connections/${connections[0]!.id}`, auth],
  'connections list': [`${BASE}/api/v1/connections`, auth],
  'ProPays list': [`${BASE}/api/v1/propays`, auth],
}
for (const [name, [url, headers]] of Object.entries(cases)) {
  const before = cpuMs()
  for (let i = 0; i < REQUESTS; i++) await (await fetch(url, { headers })).arrayBuffer()
  console.log(`${name.padEnd(18)} ${((cpuMs() - before) / REQUESTS).toFixed(2)} ms CPU per request (every workerd process)`)
}
