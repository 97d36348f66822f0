/**
 * Deletion by absence. A presence pass records every vendor id it sees; only when the pass completes are
 * rows in its scope that it did not see soft-deleted. An interrupted pass deletes nothing.
 * @module
 */
import type { DeletionScope } from './connector'
import { jsonChunks, tableSql } from './synced-sql'

export const recordSeen = (db: D1Database, connectionId: string, stream: string, ids: string[]) =>
  jsonChunks(ids).map((chunk) =>
    db.prepare('INSERT INTO sync_seen (connection_id, stream, external_id) SELECT ?1, ?2, value FROM json_each(?3)').bind(connectionId, stream, chunk),
  )

export const forgetSeen = (db: D1Database, connectionId: string, stream: string) =>
  db.prepare('DELETE FROM sync_seen WHERE connection_id = ?1 AND stream = ?2').bind(connectionId, stream)

/** The conditions of a deletion scope after `params` (whose count numbers the placeholders), appended to both. */
function scopeConditions(scope: DeletionScope, conditions: string[], params: unknown[]) {
  const sql = tableSql(scope.table)
  for (const [op, part] of [['>=', scope.since], ['=', scope.equals]] as const) {
    if (!part) continue
    if (!sql.columnNames.has(part.column)) throw new Error(`unknown column ${part.column} in deletion scope of ${sql.name}`)
    params.push(part.value)
    conditions.push(`${part.column} ${op} ?${params.length}`)
  }
  if (scope.within) {
    if (!sql.columnNames.has(scope.within.column)) throw new Error(`unknown column ${scope.within.column} in deletion scope of ${sql.name}`)
    params.push(JSON.stringify(scope.within.values))
    conditions.push(`${scope.within.column} IN (SELECT value FROM json_each(?${params.length}))`)
  }
}

export function softDeleteUnseen(db: D1Database, connectionId: string, stream: string, scope: DeletionScope, now: string) {
  const sql = tableSql(scope.table)
  const conditions = ['connection_id = ?1', 'deleted_at IS NULL', 'external_id NOT IN (SELECT external_id FROM sync_seen WHERE connection_id = ?1 AND stream = ?2)']
  const params: unknown[] = [connectionId, stream, now]
  scopeConditions(scope, conditions, params)
  return db.prepare(`UPDATE ${sql.name} SET deleted_at = ?3, updated_at = ?3 WHERE ${conditions.join(' AND ')}`).bind(...params)
}

/**
 * Whether this connection holds a live row in the scope whose vendor id is not among `externalIds`: what a complete
 * pass that saw exactly these ids would soft-delete. One statement, so `externalIds` is one page (≤ 1,000 ids), not a
 * whole table.
 */
export async function holdsOutside(db: D1Database, connectionId: string, scope: DeletionScope, externalIds: string[]): Promise<boolean> {
  const sql = tableSql(scope.table)
  const conditions = ['connection_id = ?1', 'deleted_at IS NULL', 'external_id NOT IN (SELECT value FROM json_each(?2))']
  const params: unknown[] = [connectionId, JSON.stringify(externalIds)]
  scopeConditions(scope, conditions, params)
  const row = await db.prepare(`SELECT 1 AS held FROM ${sql.name} WHERE ${conditions.join(' AND ')} LIMIT 1`).bind(...params).first<{ held: number }>()
  return row !== null
}
