/**
 * Buildertrend sync benchmark: the first sync of the sandbox's large tenant (280 jobs, 60 users, a year of
 * time clock shifts) through the real worker, the raw SQLite bulk insert of the same rows, then a sync with
 * nothing changed.
 *
 *   npm run bench -- buildertrend
 *
 * @module
 */
import { startBuildertrendSandbox } from '../sandboxes/buildertrend/serve'
import { type LoggedRequest, measureSync, syncRows } from './support/measure-sync'
import { check, int, runBench } from './support/results'

await runBench('buildertrend-sync', 'Buildertrend sync', async () => {
  const sandbox = await startBuildertrendSandbox({ port: 0 })
  try {
    const res = await fetch(`${sandbox.url}/__control/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'bench', username: 'bench@buildertrend.test', password: 'bench-password', size: 'large', seed: 'bench' }),
    })
    check(res.ok, `the Buildertrend sandbox refused the large tenant: ${res.status} ${await res.clone().text()}`)
    const tenant = (await res.json()) as { counts: Record<string, number> }
    console.log('large tenant:', tenant.counts)
    const yearAgo = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10)
    const m = await measureSync({
      vendor: 'buildertrend',
      credentials: { username: 'bench@buildertrend.test', password: 'bench-password' },
      settings: { syncStartDate: yearAgo, baseUrl: sandbox.url },
      requestLog: async () => ((await (await fetch(`${sandbox.url}/__control/tenants/bench/requests`)).json()) as { requests: LoggedRequest[] }).requests,
    })
    return {
      figures: { tenant: tenant.counts, ...m },
      markdown: `| measure | value |
| --- | --- |
| large tenant | ${Object.entries(tenant.counts).map(([k, n]) => `${k} ${int(n)}`).join(', ')} |
${syncRows(m, 'Buildertrend')}`,
    }
  } finally {
    await sandbox.close()
  }
})
