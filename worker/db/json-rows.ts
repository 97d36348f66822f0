/**
 * Many rows written by one statement with one parameter: the rows travel as a JSON array and SQLite's `json_each`
 * unpacks them. D1 allows 100 bound parameters per statement (two ProPay rows) and counts every statement of a batch
 * against its 1,000 queries per invocation, so a round of the bonus pass that creates or recomputes hundreds of
 * ProPays writes them with a handful of statements instead of one each.
 * @module
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'

/** Below D1's 2,000,000-byte limit on a string value, with room for multi-byte characters counted as one. */
const MAX_JSON_CHARS = 600_000

type Row = Record<string, unknown>

/** Each row with its columns as the driver stores them (JSON columns as text, booleans as 0/1), keyed by column name. */
function driverRows(columns: [string, SQLiteColumn][], rows: readonly object[]): Row[] {
  return rows.map((row) => {
    const values = row as Row
    return Object.fromEntries(columns.map(([key, column]) => [column.name, values[key] === undefined || values[key] === null ? null : column.mapToDriverValue(values[key])]))
  })
}

/** The rows as JSON arrays of at most MAX_JSON_CHARS each. */
function jsonChunks(rows: readonly Row[]): string[] {
  const chunks: string[] = []
  let current: string[] = []
  let size = 2
  for (const row of rows) {
    const text = JSON.stringify(row)
    if (current.length > 0 && size + text.length + 1 > MAX_JSON_CHARS) {
      chunks.push(`[${current.join(',')}]`)
      current = []
      size = 2
    }
    current.push(text)
    size += text.length + 1
  }
  if (current.length > 0) chunks.push(`[${current.join(',')}]`)
  return chunks
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
const extract = (name: string) => `json_extract(value, '$.${name}')`

function columnsOf(table: SQLiteTable, keys?: readonly string[]): [string, SQLiteColumn][] {
  const all = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][]
  return keys ? all.filter(([key]) => keys.includes(key)) : all
}

/**
 * `INSERT … SELECT … FROM json_each(?) ON CONFLICT (conflict) DO NOTHING RETURNING returning`, one statement per
 * chunk of rows. Rows carry every column of the table (by property name, as drizzle's `$inferSelect`).
 */
export function insertRowsJson(table: SQLiteTable, rows: readonly object[], conflict: readonly SQLiteColumn[], returning: SQLiteColumn): SQL[] {
  const columns = columnsOf(table)
  const names = columns.map(([, c]) => quote(c.name)).join(', ')
  const values = columns.map(([, c]) => extract(c.name)).join(', ')
  const target = conflict.map((c) => quote(c.name)).join(', ')
  // `WHERE true`: without it SQLite would read ON CONFLICT as part of the SELECT (sqlite.org/lang_upsert.html, parsing ambiguity).
  return jsonChunks(driverRows(columns, rows)).map(
    (json) =>
      sql`INSERT INTO ${table} (${sql.raw(names)}) SELECT ${sql.raw(values)} FROM json_each(${json}) WHERE true ON CONFLICT (${sql.raw(target)}) DO NOTHING RETURNING ${sql.raw(quote(returning.name))}`,
  )
}

/**
 * `UPDATE table SET set… FROM json_each(?) WHERE table.key = row.key AND where`, one statement per chunk: each row
 * gives its key and the new values of the `set` columns (property names).
 */
export function updateRowsJson(table: SQLiteTable, key: SQLiteColumn, set: readonly string[], rows: readonly object[], where: SQL): SQL[] {
  const columns = columnsOf(table, set)
  const keyEntry = columnsOf(table).find(([, c]) => c === key)
  if (!keyEntry) throw new Error(`updateRowsJson: ${key.name} is not a column of the table`)
  const assignments = columns.map(([, c]) => `${quote(c.name)} = ${extract(c.name)}`).join(', ')
  return jsonChunks(driverRows([keyEntry, ...columns], rows)).map(
    (json) => sql`UPDATE ${table} SET ${sql.raw(assignments)} FROM json_each(${json}) WHERE ${key} = ${sql.raw(extract(key.name))} AND ${where}`,
  )
}
