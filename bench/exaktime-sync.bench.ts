/**
 * ExakTime sync benchmark: the first sync of the sandbox's large company (300 employees, 60 locations, half a
 * year of time records) through the real worker, the raw SQLite bulk insert of the same rows, then a sync
 * with nothing changed, and one more once the hourly passes are due (worker/connectors/exaktime/cadence.ts).
 *
 *   npm run bench -- exaktime
 *
 * @module
 */
import { startExakTimeSandbox } from '../sandboxes/exaktime/serve'
import { type LoggedRequest, measureSync, syncRows } from './support/measure-sync'
import { check, int, runBench } from './support/results'
import type { DatabaseSync } from 'node:sqlite'
import { HOURLY_MS } from '../worker/connectors/exaktime/intervals'

const hourBack = (iso: string | null) => (iso ? new Date(Date.parse(iso) - HOURLY_MS).toISOString() : iso)

/** Moves each stream's last complete read one hour back (the time stream's whole-window pass, the reference lists'). */
function ageHourly(db: DatabaseSync, connectionId: string) {
  const rows = db.prepare('SELECT stream, cursor FROM sync_streams WHERE connection_id = ? AND cursor LIKE ?').all(connectionId, '{%') as Array<{ stream: string; cursor: string }>
  check(rows.length > 0, 'no ExakTime stream holds a read time to move back')
  for (const row of rows) {
    const cursor = JSON.parse(row.cursor) as { readAt?: string | null; full?: { readAt: string | null } }
    if ('readAt' in cursor) cursor.readAt = hourBack(cursor.readAt ?? null)
    if (cursor.full) cursor.full.readAt = hourBack(cursor.full.readAt)
    db.prepare('UPDATE sync_streams SET cursor = ? WHERE connection_id = ? AND stream = ?').run(JSON.stringify(cursor), connectionId, row.stream)
  }
}

await runBench('exaktime-sync', 'ExakTime sync', async () => {
  const sandbox = await startExakTimeSandbox({ port: 0 })
  try {
    const res = await fetch(`${sandbox.url}/__control/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ companyId: 'bench', apiKeys: [{ key: 'bench-read-key', access: 'read' }], size: 'large', seed: 'bench' }),
    })
    check(res.ok, `the ExakTime sandbox refused the large tenant: ${res.status} ${await res.clone().text()}`)
    const tenant = (await res.json()) as { counts: Record<string, number> }
    console.log('large company:', tenant.counts)
    const m = await measureSync({
      vendor: 'exaktime',
      credentials: { companyId: 'bench', apiKey: 'bench-read-key' },
      settings: { syncStartDate: '2000-01-01', baseUrl: sandbox.url },
      requestLog: async () => ((await (await fetch(`${sandbox.url}/__control/tenants/bench/requests`)).json()) as { entries: LoggedRequest[] }).entries,
      slowPassesDue: ageHourly,
    })
    return {
      figures: { tenant: tenant.counts, ...m },
      markdown: `| measure | value |
| --- | --- |
| large company | ${Object.entries(tenant.counts).map(([k, n]) => `${k} ${int(n)}`).join(', ')} |
${syncRows(m, 'ExakTime')}`,
    }
  } finally {
    await sandbox.close()
  }
})
