/**
 * The physical floor for an ingest: the very rows a sync wrote (every synced table, this connection), read
 * back from the worker's local D1 and bulk-inserted into a fresh SQLite file built from our migrations (same
 * tables, same indexes) with Node's built-in SQLite, in one transaction, on the same disk.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { SQLInputValue } from 'node:sqlite'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { syncedTables } from '../../worker/db/schema'
import { migratedSqlite, openLocalD1 } from './local-d1'

export interface RawInsert {
  rows: number
  perTable: Record<string, number>
  seconds: number
  rowsPerSecond: number
}

export async function rawInsertOfSyncedRows(persistTo: string, connectionId: string): Promise<RawInsert> {
  const source = await openLocalD1(persistTo, { readOnly: true })
  const tables = Object.values(syncedTables).map((t) => getTableConfig(t).name)
  const select = (sql: string) => source.prepare(sql).all(connectionId) as Record<string, SQLInputValue>[]
  const data = tables.map((table) => ({ table, rows: select(`SELECT * FROM ${table} WHERE connection_id = ?`) }))
  source.close()

  const dir = mkdtempSync(path.join(os.tmpdir(), 'protiv-raw-'))
  try {
    const target = migratedSqlite(path.join(dir, 'raw.sqlite'))
    const started = performance.now()
    target.exec('BEGIN')
    for (const { table, rows } of data) {
      if (!rows.length) continue
      const columns = Object.keys(rows[0]!)
      const insert = target.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`)
      for (const row of rows) insert.run(...columns.map((c) => row[c]!))
    }
    target.exec('COMMIT')
    const seconds = (performance.now() - started) / 1000
    target.close()
    const rows = data.reduce((n, d) => n + d.rows.length, 0)
    return { rows, perTable: Object.fromEntries(data.filter((d) => d.rows.length).map((d) => [d.table, d.rows.length])), seconds, rowsPerSecond: Math.round(rows / seconds) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
