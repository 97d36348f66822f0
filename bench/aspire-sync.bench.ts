/**
 * Aspire sync benchmark: the backfill of the sandbox's large tenant (300 employees, 2,000 work tickets, 250,000
 * time entries) through the real worker (`wrangler dev`, local D1, local queue), the raw SQLite bulk insert of
 * the same rows on this machine (the ingest ratio), then a sync with nothing changed, and one more once the hourly
 * presence passes are due.
 *
 *   npm run bench -- aspire            (or: npx tsx bench/aspire-sync.bench.ts)
 *
 * @module
 */
import { startAspireSandbox } from '../sandboxes/aspire/serve'
import { type LoggedRequest, measureSync, syncRows } from './support/measure-sync'
import { check, int, runBench } from './support/results'
import type { DatabaseSync } from 'node:sqlite'
import { PRESENCE_EVERY_MS } from '../worker/connectors/aspire/pass-cursor'

/** Moves every Aspire stream's last presence pass one cadence back; a stream without one already runs it. */
function agePresence(db: DatabaseSync, connectionId: string) {
  const rows = db.prepare('SELECT stream, cursor FROM sync_streams WHERE connection_id = ? AND cursor LIKE ?').all(connectionId, '{%') as Array<{ stream: string; cursor: string }>
  check(rows.length > 0, 'no Aspire stream holds a presence time to move back')
  for (const row of rows) {
    const cursor = JSON.parse(row.cursor) as { presenceAt: string | null }
    if (!cursor.presenceAt) continue
    cursor.presenceAt = new Date(Date.parse(cursor.presenceAt) - PRESENCE_EVERY_MS).toISOString()
    db.prepare('UPDATE sync_streams SET cursor = ? WHERE connection_id = ? AND stream = ?').run(JSON.stringify(cursor), connectionId, row.stream)
  }
}

await runBench('aspire-sync', 'Aspire sync', async () => {
  const sandbox = await startAspireSandbox({ port: 0 })
  try {
    const t = performance.now()
    const res = await fetch(`${sandbox.url}/__control/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ size: 'large', seed: 'bench', clientId: 'bench-client', secret: 'bench-secret' }),
    })
    check(res.ok, `the Aspire sandbox refused the large tenant: ${res.status} ${await res.clone().text()}`)
    const tenant = (await res.json()) as { counts: Record<string, number> }
    console.log(`large tenant generated in ${((performance.now() - t) / 1000).toFixed(1)} s:`, tenant.counts)
    const m = await measureSync({
      vendor: 'aspire',
      credentials: { clientId: 'bench-client', secret: 'bench-secret' },
      settings: { syncStartDate: '2000-01-01', baseUrl: sandbox.url },
      requestLog: async () => ((await (await fetch(`${sandbox.url}/__control/tenants/bench-client/requests`)).json()) as { entries: LoggedRequest[] }).entries,
      // The hourly presence passes (worker/connectors/aspire/pass-cursor.ts), as if their hour had passed.
      slowPassesDue: (db, connectionId) => agePresence(db, connectionId),
    })
    const counts = Object.entries(tenant.counts).filter(([, n]) => n > 0)
    return {
      figures: { tenant: tenant.counts, ...m },
      markdown: `| measure | value |
| --- | --- |
| large tenant | ${counts.map(([k, n]) => `${k} ${int(n)}`).join(', ')} |
${syncRows(m, 'Aspire')}`,
    }
  } finally {
    await sandbox.close()
  }
})
