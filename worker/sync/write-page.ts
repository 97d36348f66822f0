/**
 * Turns a page of canonical rows into the statements that store it: new rows are inserted, changed rows
 * (another hash, or soft-deleted and back) updated, identical rows not written at all.
 * @module
 */
import type { SyncedTableName } from '../db/schema'
import type { AnyCanonicalRow } from './canonical-row'
import { sha256Base64Url } from '../util/sha256'
import { timeOrderedIds } from '../util/time-ordered-id'
import { jsonChunks, tableSql } from './synced-sql'

export interface WriteCounts {
  added: number
  updated: number
  unchanged: number
}

export async function planUpserts(
  db: D1Database,
  scope: { orgId: string; connectionId: string; now: string },
  table: SyncedTableName,
  rows: AnyCanonicalRow[],
): Promise<{ statements: D1PreparedStatement[]; counts: WriteCounts }> {
  const sql = tableSql(table)
  // The vendor may repeat a record within a page (at-least-once paging); the last copy wins.
  const byId = new Map(rows.map((row) => [row.externalId, row]))
  const hashed = await Promise.all(
    [...byId.values()].map(async (row) => {
      const payload: Record<string, unknown> = {}
      for (const { key } of sql.payload) payload[key] = row[key] ?? null
      return { row, payload, hash: await sha256Base64Url(sql.payloadText(payload)) }
    }),
  )
  const existing = new Map<string, { hash: string; deleted: boolean }>()
  for (const chunk of jsonChunks([...byId.keys()])) {
    const { results } = await db
      .prepare(`SELECT external_id, data_hash, deleted_at FROM ${sql.name} WHERE connection_id = ?1 AND external_id IN (SELECT value FROM json_each(?2))`)
      .bind(scope.connectionId, chunk)
      .all<{ external_id: string; data_hash: string; deleted_at: string | null }>()
    for (const r of results) existing.set(r.external_id, { hash: r.data_hash, deleted: r.deleted_at !== null })
  }
  const counts: WriteCounts = { added: 0, updated: 0, unchanged: 0 }
  const toWrite: unknown[][] = []
  // Time-ordered, so new rows append to the primary-key index; an update keeps its row's id (ON CONFLICT).
  const ids = timeOrderedIds(hashed.length)
  for (const [i, { row, payload, hash }] of hashed.entries()) {
    const before = existing.get(row.externalId)
    if (before && before.hash === hash && !before.deleted) {
      counts.unchanged++
      continue
    }
    if (before) counts.updated++
    else counts.added++
    toWrite.push(sql.upsertRow({ id: ids[i]!, externalId: row.externalId, dataHash: hash, vendorModified: row.vendorModified ?? null, payload }))
  }
  const statements = jsonChunks(toWrite).map((chunk) => db.prepare(sql.upsert).bind(scope.orgId, scope.connectionId, scope.now, chunk))
  return { statements, counts }
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
