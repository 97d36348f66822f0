/**
 * Buildertrend sync benchmark: the first sync of the sandbox's large tenant (280 jobs, 60 users, a year of
 * time clock shifts) through the real worker, the raw SQLite bulk insert of the same rows, then a sync with
 * nothing changed, and one more as a regular cycle 15 minutes after the last: each job's daily re-read falls at its
 * own time of day (worker/connectors/buildertrend/streams/job-changes.ts), so that cycle reads the few whose time came.
 *
 *   npm run bench -- buildertrend
 *
 * @module
 */
import { startBuildertrendSandbox } from '../sandboxes/buildertrend/serve'
import { type LoggedRequest, measureSync, syncRows } from './support/measure-sync'
import { check, int, runBench } from './support/results'
import type { DatabaseSync } from 'node:sqlite'

/** The connector's default cadence: the gap between two regular cycles. */
const CYCLE_MS = 15 * 60_000

/** Moves each per-job stream's last pass one cycle back, as if the measured sync came 15 minutes after it. */
function lastPassOneCycleBack(db: DatabaseSync, connectionId: string) {
  const rows = db.prepare('SELECT stream, cursor FROM sync_streams WHERE connection_id = ? AND cursor LIKE ?').all(connectionId, '{%') as Array<{ stream: string; cursor: string }>
  let moved = 0
  for (const row of rows) {
    const cursor = JSON.parse(row.cursor) as { spreadAt?: string | null }
    if (!cursor.spreadAt) continue
    cursor.spreadAt = new Date(Date.parse(cursor.spreadAt) - CYCLE_MS).toISOString()
    db.prepare('UPDATE sync_streams SET cursor = ? WHERE connection_id = ? AND stream = ?').run(JSON.stringify(cursor), connectionId, row.stream)
    moved++
  }
  check(moved === 2, `expected the Jobs and Budgets streams to hold a last-pass time, found ${moved}`)
}

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
      slowPassesDue: lastPassOneCycleBack,
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
