/**
 * Turns pages of canonical rows into the statements that store them: new rows are inserted, changed rows (another
 * hash, or soft-deleted and back) updated, identical rows not written at all. Several pages are planned together
 * (one existence read per table for all of them, run-step.ts writes them in one batch), each page still getting its
 * own statements and counts, in page order, as if written one after another.
 * @module
 */
import type { SyncedTableName } from '../db/schema'
import type { AnyCanonicalRow } from './canonical-row'
import { sha256Base64Url } from '../util/sha256'
import { timeOrderedIds } from '../util/time-ordered-id'
import { isLegacyHash, rowHash } from './row-hash'
import { rowsReader } from './jsonb-probe'
import { jsonChunks, tableSql, textChunks } from './synced-sql'

export interface WriteCounts {
  added: number
  updated: number
  unchanged: number
}

export interface PageRows {
  table: SyncedTableName
  rows: AnyCanonicalRow[]
}

export interface PlannedPage {
  statements: D1PreparedStatement[]
  counts: WriteCounts
}

interface Held {
  hash: string
  deleted: boolean
}

type Scope = { orgId: string; connectionId: string; now: string }

/** Plans the writes of `pages` (each a list of tables' rows) against what the connection holds, as one sequence. */
export async function planPages(d1: D1Database, scope: Scope, pages: PageRows[][]): Promise<PlannedPage[]> {
  // Hash every row once; the vendor may repeat a record within a page (at-least-once paging): the last copy wins.
  const hashed = pages.map((page) =>
    page.map(({ table, rows }) => {
      const sql = tableSql(table)
      const byId = new Map(rows.map((row) => [row.externalId, row]))
      return {
        table,
        rows: [...byId.values()].map((row) => {
          const values = sql.payloadArrayText(row)
          return { row, values, hash: rowHash(values) }
        }),
      }
    }),
  )
  const [held, reader] = await Promise.all([heldHashes(d1, scope.connectionId, hashed.flat()), rowsReader(d1)])
  await readLegacyHashes(held, hashed.flat())
  return hashed.map((page) => {
    const statements: D1PreparedStatement[] = []
    const counts: WriteCounts = { added: 0, updated: 0, unchanged: 0 }
    for (const { table, rows } of page) {
      const sql = tableSql(table)
      const known = held.get(table)!
      const toWrite: string[] = []
      const rehash: string[] = []
      // Time-ordered, so new rows append to the primary-key index; an update keeps its row's id (ON CONFLICT).
      const ids = timeOrderedIds(rows.length)
      for (const [i, { row, values, hash }] of rows.entries()) {
        const before = known.get(row.externalId)
        known.set(row.externalId, { hash, deleted: false })
        if (before && !before.deleted && (before.hash === hash || before.legacySame)) {
          counts.unchanged++
          // Same data under the old hash: store the new one, so the next read compares cheaply (not a change).
          if (before.legacySame) rehash.push(JSON.stringify([row.externalId, hash]))
          continue
        }
        if (before) counts.updated++
        else counts.added++
        toWrite.push(sql.rowText({ id: ids[i]!, externalId: row.externalId, dataHash: hash, vendorModified: (row.vendorModified as string | null | undefined) ?? null }, values))
      }
      for (const chunk of textChunks(toWrite)) statements.push(d1.prepare(sql.upsert[reader]).bind(scope.orgId, scope.connectionId, scope.now, chunk))
      for (const chunk of textChunks(rehash)) {
        statements.push(
          d1
            .prepare(`UPDATE ${sql.name} SET data_hash = j.value ->> 1 FROM json_each(?2) AS j WHERE ${sql.name}.connection_id = ?1 AND ${sql.name}.external_id = j.value ->> 0`)
            .bind(scope.connectionId, chunk),
        )
      }
    }
    return { statements, counts }
  })
}

/** One page of one table: `planPages` of it alone. */
export async function planUpserts(d1: D1Database, scope: Scope, table: SyncedTableName, rows: AnyCanonicalRow[]): Promise<PlannedPage> {
  const [planned] = await planPages(d1, scope, [[{ table, rows }]])
  return planned!
}

type HeldMap = Map<SyncedTableName, Map<string, Held & { legacySame?: boolean }>>

/** The stored hash of every row among `upserts` this connection holds, in one round trip for all tables. */
async function heldHashes(d1: D1Database, connectionId: string, upserts: Array<{ table: SyncedTableName; rows: Array<{ row: AnyCanonicalRow }> }>): Promise<HeldMap> {
  const idsByTable = new Map<SyncedTableName, Set<string>>()
  for (const { table, rows } of upserts) {
    const ids = idsByTable.get(table) ?? idsByTable.set(table, new Set()).get(table)!
    for (const { row } of rows) ids.add(row.externalId)
  }
  const reads = [...idsByTable].flatMap(([table, ids]) =>
    jsonChunks([...ids]).map((chunk) => ({
      table,
      statement: d1.prepare(`SELECT external_id, data_hash, deleted_at FROM ${tableSql(table).name} WHERE connection_id = ?1 AND external_id IN (SELECT value FROM json_each(?2))`).bind(connectionId, chunk),
    })),
  )
  const held: HeldMap = new Map([...idsByTable.keys()].map((table) => [table, new Map()]))
  if (!reads.length) return held
  const results = await d1.batch<{ external_id: string; data_hash: string; deleted_at: string | null }>(reads.map((r) => r.statement))
  results.forEach((result, i) => {
    const into = held.get(reads[i]!.table)!
    for (const r of result.results) into.set(r.external_id, { hash: r.data_hash, deleted: r.deleted_at !== null })
  })
  return held
}

/** Rows stored under the SHA-256 hash of before: whether their data is the same (computed only for those rows). */
async function readLegacyHashes(held: HeldMap, upserts: Array<{ table: SyncedTableName; rows: Array<{ row: AnyCanonicalRow; hash: string }> }>) {
  const checks: Promise<void>[] = []
  for (const { table, rows } of upserts) {
    const sql = tableSql(table)
    const known = held.get(table)!
    for (const { row } of rows) {
      const before = known.get(row.externalId)
      if (!before || !isLegacyHash(before.hash)) continue
      checks.push(sha256Base64Url(sql.legacyPayloadText(row)).then((legacy) => void (before.legacySame = legacy === before.hash)))
    }
  }
  await Promise.all(checks)
}

/** `column` of this connection's live (not soft-deleted) rows among `externalIds`, by vendor id. */
export async function heldValues(db: D1Database, connectionId: string, table: SyncedTableName, externalIds: string[], column: string): Promise<Map<string, unknown>> {
  const sql = tableSql(table)
  if (!sql.columnNames.has(column)) throw new Error(`unknown column ${column} of ${sql.name}`)
  const found = new Map<string, unknown>()
  for (const chunk of jsonChunks(externalIds)) {
    const { results } = await db
      .prepare(`SELECT external_id, ${column} AS value FROM ${sql.name} WHERE connection_id = ?1 AND deleted_at IS NULL AND external_id IN (SELECT value FROM json_each(?2))`)
      .bind(connectionId, chunk)
      .all<{ external_id: string; value: unknown }>()
    for (const r of results) found.set(r.external_id, r.value)
  }
  return found
}

/** Whether this connection holds any live (not soft-deleted) row of `table`. */
export async function holdsAny(db: D1Database, connectionId: string, table: SyncedTableName): Promise<boolean> {
  const row = await db.prepare(`SELECT 1 AS held FROM ${tableSql(table).name} WHERE connection_id = ?1 AND deleted_at IS NULL LIMIT 1`).bind(connectionId).first<{ held: number }>()
  return row !== null
}

/** The vendor ids of this connection's live (not soft-deleted) rows among `externalIds`. */
export async function existingIds(db: D1Database, connectionId: string, table: SyncedTableName, externalIds: string[]): Promise<Set<string>> {
  const sql = tableSql(table)
  const found = new Set<string>()
  for (const chunk of jsonChunks(externalIds)) {
    const { results } = await db
      .prepare(`SELECT external_id FROM ${sql.name} WHERE connection_id = ?1 AND deleted_at IS NULL AND external_id IN (SELECT value FROM json_each(?2))`)
      .bind(connectionId, chunk)
      .all<{ external_id: string }>()
    for (const r of results) found.add(r.external_id)
  }
  return found
}
