/**
 * SQL for synced tables, built from the drizzle schema. Rows travel as one JSON parameter per statement
 * (`json_each`), which sidesteps D1's 100-bound-parameter limit and was the fastest bulk path measured: each row an
 * array of values by position (faster than objects by key, and faster than multi-row VALUES of ≤ 100 parameters).
 * @module
 */
import { getTableColumns } from 'drizzle-orm'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { type SyncedTableName, syncedTables } from '../db/schema'
import { jsonScalar } from '../util/json-scalar'
import { type RowsReader, rowsFrom } from './rows-reader'
import { flatStringifier, stableStringify } from './stable-hash'

const SHARED = new Set(['id', 'orgId', 'connectionId', 'externalId', 'dataHash', 'vendorModified', 'firstSeenAt', 'updatedAt', 'deletedAt'])

export interface TableSql {
  name: string
  /** Typed payload columns: property key → SQL column name. */
  payload: Array<{ key: string; column: string }>
  columnNames: Set<string>
  /**
   * Stores rows given as one JSON array of arrays (?4), each a `rowText`: values by position, not by key (D1 reads
   * ~25 % faster); ?1 org, ?2 connection, ?3 now. One text per way of reading the JSON (rows-reader.ts).
   */
  upsert: Record<RowsReader, string>
  /**
   * A row's payload columns as the JSON array text `upsert` reads after its first four values: written once per row,
   * it is both what the row hash is taken of and what goes to D1 (`rowText`).
   */
  payloadArrayText: (row: Record<string, unknown>) => string
  /** One row of `upsert`'s JSON: the engine's four values, then `payloadArrayText`'s. */
  rowText: (row: { id: string; externalId: string; dataHash: string; vendorModified: string | null }, payloadArrayText: string) => string
  /** The text rows stored before row-hash.ts were hashed from (`stableStringify` of the payload object), to read their hashes. */
  legacyPayloadText: (row: Record<string, unknown>) => string
}

function build(tableName: SyncedTableName): TableSql {
  const table = syncedTables[tableName]
  const name = getTableConfig(table).name
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, column: column.name }))
  const payload = columns.filter((c) => !SHARED.has(c.key))
  // Positions in a row array: id, externalId, dataHash, vendorModified, then the payload columns in order.
  const at = (i: number) => `value ->> ${i}`
  const upsertFrom = (reader: RowsReader) => `INSERT INTO ${name} (id, org_id, connection_id, external_id, data_hash, vendor_modified, first_seen_at, updated_at, deleted_at${payload.map((c) => `, ${c.column}`).join('')})
SELECT ${at(0)}, ?1, ?2, ${at(1)}, ${at(2)}, ${at(3)}, ?3, ?3, NULL${payload.map((_, i) => `, ${at(4 + i)}`).join('')}
FROM ${rowsFrom(reader, 4)} WHERE true
ON CONFLICT (connection_id, external_id) DO UPDATE SET data_hash = excluded.data_hash, vendor_modified = excluded.vendor_modified, updated_at = excluded.updated_at, deleted_at = NULL${payload.map((c) => `, ${c.column} = excluded.${c.column}`).join('')}`
  const upsert = { jsonb: upsertFrom('jsonb'), text: upsertFrom('text') }
  const keys = payload.map((c) => c.key)
  const payloadArrayText: TableSql['payloadArrayText'] = (row) => {
    let text = '['
    for (let i = 0; i < keys.length; i++) {
      const value = row[keys[i]!]
      // Objects by sorted keys: the same data always gives the same text, so the same hash.
      text += (i ? ',' : '') + (value !== null && typeof value === 'object' ? stableStringify(value) : jsonScalar(value))
    }
    return `${text}]`
  }
  const rowText: TableSql['rowText'] = (row, values) =>
    `[${jsonScalar(row.id)},${jsonScalar(row.externalId)},${jsonScalar(row.dataHash)},${jsonScalar(row.vendorModified)}${values.length > 2 ? `,${values.slice(1)}` : ']'}`
  const legacy = flatStringifier(keys)
  const legacyPayloadText: TableSql['legacyPayloadText'] = (row) => legacy(Object.fromEntries(keys.map((k) => [k, row[k] ?? null])))
  return { name, payload, columnNames: new Set(columns.map((c) => c.column)), upsert, payloadArrayText, rowText, legacyPayloadText }
}

const cache = new Map<SyncedTableName, TableSql>()
export const tableSql = (name: SyncedTableName) => cache.get(name) ?? cache.set(name, build(name)).get(name)!

/** UTF-8 bytes of a string: D1 limits strings in bytes, and vendor names may be all emoji or Hebrew. */
export function utf8Length(text: string): number {
  if (!/[^\u0000-\u007f]/.test(text)) return text.length
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // A surrogate half is 2 of the 4 bytes of its pair.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3
  }
  return bytes
}

/** Splits rows into JSON chunks small enough (in UTF-8 bytes) for one D1 statement each. */
export const jsonChunks = (rows: unknown[], maxBytes = 900_000): string[] => textChunks(rows.map((row) => JSON.stringify(row)), maxBytes)

/** `jsonChunks` of rows already written as JSON texts. */
export function textChunks(texts: string[], maxBytes = 900_000): string[] {
  const chunks: string[] = []
  let current: string[] = []
  let size = 2
  for (const text of texts) {
    const bytes = utf8Length(text)
    if (current.length && size + bytes + 1 > maxBytes) {
      chunks.push(`[${current.join(',')}]`)
      current = []
      size = 2
    }
    current.push(text)
    size += bytes + 1
  }
  if (current.length) chunks.push(`[${current.join(',')}]`)
  return chunks
}
