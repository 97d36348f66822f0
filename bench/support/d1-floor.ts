/**
 * The floor of D1 itself for an ingest: the very rows a sync wrote, bulk-inserted into a fresh local D1 (workerd's
 * D1, as `wrangler dev` runs it, built from our migrations) by the fastest path measured (`INSERT … SELECT … FROM
 * jsonb_each(jsonb(?))`, as many rows a statement as fit the sync's 900 KB chunks, ten statements a `batch()`;
 * bench/d1-write-paths.bench.ts: larger batches gained nothing, the JSON text functions cost a third more), with none
 * of the sync's work. Set beside the raw SQLite insert it shows what D1 costs of itself; set beside the backfill, what is ours.
 * @module
 */
import type { SQLInputValue } from 'node:sqlite'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { syncedTables } from '../../worker/db/schema'
import { rowsFrom } from '../../worker/sync/rows-reader'
import { textChunks } from '../../worker/sync/synced-sql'
import { openLocalD1 } from './local-d1'
import type { RawInsert } from './raw-sqlite'
import { freshTimedD1 } from './timed-d1'

const STATEMENTS_PER_BATCH = 10

export async function d1InsertOfSyncedRows(persistTo: string, connectionId: string): Promise<RawInsert> {
  const source = await openLocalD1(persistTo, { readOnly: true })
  const tables = Object.values(syncedTables).map((t) => getTableConfig(t).name)
  const data = tables.map((table) => ({ table, rows: source.prepare(`SELECT * FROM ${table} WHERE connection_id = ?`).all(connectionId) as Record<string, SQLInputValue>[] }))
  source.close()

  const { db, timeBatch, dispose } = await freshTimedD1('d1-floor')
  try {
    let ms = 0
    for (const { table, rows } of data) {
      if (!rows.length) continue
      const columns = Object.keys(rows[0]!)
      const sql = `INSERT INTO ${table} (${columns.join(',')}) SELECT ${columns.map((_, i) => `value ->> ${i}`).join(',')} FROM ${rowsFrom('jsonb', 1)}`
      const texts = rows.map((row) => JSON.stringify(columns.map((c) => row[c])))
      // As many rows a statement as the sync's writer puts in one (its 900 KB chunks): larger statements cost less.
      const chunks = textChunks(texts)
      for (let i = 0; i < chunks.length; i += STATEMENTS_PER_BATCH) {
        ms += await timeBatch(chunks.slice(i, i + STATEMENTS_PER_BATCH).map((chunk) => ({ sql, params: [chunk] })))
      }
    }
    const seconds = ms / 1000
    const rows = data.reduce((n, d) => n + d.rows.length, 0)
    const stored = await Promise.all(data.filter((d) => d.rows.length).map(async (d) => (await db.prepare(`SELECT count(*) AS n FROM ${d.table}`).first<{ n: number }>())!.n))
    if (stored.reduce((a, b) => a + b, 0) !== rows) throw new Error(`the D1 floor stored ${stored.reduce((a, b) => a + b, 0)} of ${rows} rows`)
    return { rows, perTable: Object.fromEntries(data.filter((d) => d.rows.length).map((d) => [d.table, d.rows.length])), seconds, rowsPerSecond: Math.round(rows / seconds) }
  } finally {
    await dispose()
  }
}
