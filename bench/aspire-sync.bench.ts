/**
 * Aspire sync benchmark: the backfill of a large sandbox tenant through the real worker (`wrangler dev`,
 * local D1, local queue), next to a raw SQLite bulk insert of the same time-entry rows on this machine,
 * then an incremental sync with no changes (requests made, time taken).
 *
 *   npm run bench -- aspire            (or: npx tsx bench/aspire-sync.bench.ts)
 *
 * Writes bench/results/aspire-sync.json and prints a Markdown table for bench/README.md.
 * @module
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { mapWorkTicketTime } from '../worker/connectors/aspire/map/time-and-materials'
import type { AspireWorkTicketTime } from '../worker/connectors/aspire/types'
import { ROOT } from '../worker/dev/local-stack'
import { startAspireSandbox } from '../worker/sandboxes/aspire/serve'
import { machine, measureSync } from './support/measure-sync'

const PORT = 8797

async function rawSqliteInsert(rows: Record<string, unknown>[]) {
  const db = new DatabaseSync(':memory:')
  for (const file of readdirSync(path.join(ROOT, 'migrations')).filter((f) => f.endsWith('.sql')).sort()) {
    db.exec(readFileSync(path.join(ROOT, 'migrations', file), 'utf8').replaceAll('--> statement-breakpoint', ''))
  }
  const columns = ['id', 'org_id', 'connection_id', 'external_id', 'data_hash', 'first_seen_at', 'updated_at', 'worker_external_id', 'milestone_external_id', 'work_date', 'start_at', 'end_at', 'duration_seconds', 'overtime_seconds', 'hourly_cents', 'cost_cents', 'is_drive', 'approval']
  const insert = db.prepare(`INSERT INTO time_entries (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`)
  const started = performance.now()
  db.exec('BEGIN')
  for (const r of rows) {
    insert.run(crypto.randomUUID(), 'org', 'conn', r.externalId as string, 'h', 'now', 'now', r.workerExternalId as string, r.milestoneExternalId as string, r.workDate as string, r.startAt as string, r.endAt as string, r.durationSeconds as number, r.overtimeSeconds as number, (r.hourlyCents as number) ?? null, (r.costCents as number) ?? null, r.isDrive ? 1 : 0, r.approval as string)
  }
  db.exec('COMMIT')
  const seconds = (performance.now() - started) / 1000
  return { rows: rows.length, seconds, rowsPerSecond: Math.round(rows.length / seconds) }
}

async function main() {
  const sandbox = await startAspireSandbox({ port: 0 })
  const control = async (p: string, body?: unknown) => {
    const res = await fetch(`${sandbox.url}/__control${p}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    return res.json() as Promise<any>
  }
  const t = performance.now()
  const tenant = await control('/tenants', { size: 'large', seed: 'bench', clientId: 'bench-client', secret: 'bench-secret' })
  const generateSeconds = (performance.now() - t) / 1000
  console.log(`large tenant generated in ${generateSeconds.toFixed(1)} s:`, tenant.counts)

  try {
    const m = await measureSync({
      port: PORT,
      vendor: 'aspire',
      credentials: { clientId: 'bench-client', secret: 'bench-secret' },
      settings: { syncStartDate: '2000-01-01', baseUrl: sandbox.url },
    })
    const backfill = m.backfill
    const incremental = m.incrementalNoChange
    const times = (await (await fetch(`${sandbox.url}/__control/tenants/bench-client/records/WorkTicketTimes`)).json()) as AspireWorkTicketTime[]
    const raw = await rawSqliteInsert(times.map((row) => mapWorkTicketTime(row, 'America/Chicago')))

    const result = {
      date: new Date().toISOString(),
      machine: machine(),
      tenant: tenant.counts,
      backfill,
      rawSqliteTimeEntries: raw,
      incrementalNoChange: incremental,
      progressSamples: m.progressSamples,
    }
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true })
    writeFileSync(path.join(ROOT, 'bench/results/aspire-sync.json'), `${JSON.stringify(result, null, 2)}\n`)
    console.log(`
| measure | value |
| --- | --- |
| large tenant | ${Object.entries(tenant.counts as Record<string, number>).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(', ')} |
| backfill through the worker | ${backfill.rows.toLocaleString('en-US')} rows in ${backfill.seconds.toFixed(1)} s = **${backfill.rowsPerSecond.toLocaleString('en-US')} rows/s**, ${backfill.requests} requests to Aspire |
| raw SQLite bulk insert, same ${raw.rows.toLocaleString('en-US')} time-entry rows, one transaction | ${raw.seconds.toFixed(2)} s = **${raw.rowsPerSecond.toLocaleString('en-US')} rows/s** |
| ratio (worker backfill ÷ raw insert) | ${((result.backfill.rowsPerSecond / raw.rowsPerSecond) * 100).toFixed(1)} % |
| incremental sync, nothing changed | **${incremental.requests} requests**, ${incremental.seconds.toFixed(2)} s, ${incremental.added}/${incremental.updated}/${incremental.deleted} added/updated/deleted; started ${incremental.sinceForceMs} ms after Force sync |
`)
  } finally {
    await sandbox.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
