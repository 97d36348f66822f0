/**
 * Buildertrend sync benchmark: the first sync of the sandbox's large tenant (280 jobs, 60 users, a year of
 * time clock shifts) through the real worker, then a sync with nothing changed.
 *
 *   npm run bench -- buildertrend
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../worker/dev/local-stack'
import { startBuildertrendSandbox } from '../worker/sandboxes/buildertrend/serve'
import { machine, measureSync } from './support/measure-sync'

async function main() {
  const sandbox = await startBuildertrendSandbox({ port: 0 })
  try {
    const res = await fetch(`${sandbox.url}/__control/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'bench', username: 'bench@buildertrend.test', password: 'bench-password', size: 'large', seed: 'bench' }),
    })
    const tenant = (await res.json()) as { counts: Record<string, number> }
    console.log('large tenant:', tenant.counts)
    const yearAgo = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10)
    const m = await measureSync({
      port: 8796,
      vendor: 'buildertrend',
      credentials: { username: 'bench@buildertrend.test', password: 'bench-password' },
      settings: { syncStartDate: yearAgo, baseUrl: sandbox.url },
    })
    const result = { date: new Date().toISOString(), machine: machine(), tenant: tenant.counts, ...m }
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true })
    writeFileSync(path.join(ROOT, 'bench/results/buildertrend-sync.json'), `${JSON.stringify(result, null, 2)}\n`)
    console.log(`
| measure | value |
| --- | --- |
| large tenant | ${Object.entries(tenant.counts).map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(', ')} |
| backfill through the worker | ${m.backfill.rows.toLocaleString('en-US')} rows in ${m.backfill.seconds.toFixed(1)} s = **${m.backfill.rowsPerSecond.toLocaleString('en-US')} rows/s**, ${m.backfill.requests} requests to Buildertrend |
| sync with nothing changed (rolling window re-read) | **${m.incrementalNoChange.requests} requests**, ${m.incrementalNoChange.seconds.toFixed(2)} s, ${m.incrementalNoChange.added}/${m.incrementalNoChange.updated}/${m.incrementalNoChange.deleted} added/updated/deleted |
`)
  } finally {
    await sandbox.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
