/**
 * The chaos oracle: after a run full of faults, our tables for that connection must hold exactly what a
 * clean, fault-free sync of the same vendor data holds. Any row missing (lost), held twice or held though
 * the vendor no longer has it (duplicated / stale), or held with different content (wrong) is a problem.
 * @module
 */
import { getTableName } from 'drizzle-orm'
import { syncedTables } from '../../worker/db/schema'

export interface Discrepancy {
  table: string
  kind: 'lost' | 'extra' | 'wrong' | 'duplicated'
  externalId: string
  /** For `wrong`: each differing column as `column: ours ≠ clean sync's`. */
  detail?: string
}

/** Columns that describe the sync, not the vendor's record. */
const BOOKKEEPING = new Set(['id', 'org_id', 'connection_id', 'data_hash', 'first_seen_at', 'updated_at', 'deleted_at'])

async function differences(db: D1Database, table: string, externalId: string, ours: string, reference: string) {
  const read = (connectionId: string) => db.prepare(`SELECT * FROM ${table} WHERE connection_id = ?1 AND external_id = ?2`).bind(connectionId, externalId).first<Record<string, unknown>>()
  const [a, b] = [await read(ours), await read(reference)]
  return Object.keys(a ?? {})
    .filter((column) => !BOOKKEEPING.has(column) && a![column] !== b?.[column])
    .map((column) => `${column}: ${JSON.stringify(a![column])} ≠ ${JSON.stringify(b?.[column])}`)
    .join(', ')
}

interface Row {
  external_id: string
  data_hash: string
}

async function liveRows(db: D1Database, table: string, connectionId: string) {
  const { results } = await db.prepare(`SELECT external_id, data_hash FROM ${table} WHERE connection_id = ?1 AND deleted_at IS NULL`).bind(connectionId).all<Row>()
  return results
}

/**
 * `learnedTables`: tables a connector fills from what other records mention (Buildertrend's workers and cost
 * codes come from shifts). The vendor still has such a row after the last record naming it is deleted, but a
 * clean sync can no longer see it: holding it is history, not a fault. Lost and wrong rows still count.
 */
export async function compareConnections(db: D1Database, chaosConnectionId: string, referenceConnectionId: string, learnedTables: readonly string[] = []): Promise<Discrepancy[]> {
  const problems: Discrepancy[] = []
  for (const table of Object.values(syncedTables).map((t) => getTableName(t))) {
    const ours = await liveRows(db, table, chaosConnectionId)
    const truth = new Map((await liveRows(db, table, referenceConnectionId)).map((r) => [r.external_id, r.data_hash]))
    const seen = new Set<string>()
    for (const row of ours) {
      if (seen.has(row.external_id)) problems.push({ table, kind: 'duplicated', externalId: row.external_id })
      seen.add(row.external_id)
      const expected = truth.get(row.external_id)
      if (expected === undefined) {
        if (!learnedTables.includes(table)) problems.push({ table, kind: 'extra', externalId: row.external_id })
      }
      else if (expected !== row.data_hash) problems.push({ table, kind: 'wrong', externalId: row.external_id, detail: await differences(db, table, row.external_id, chaosConnectionId, referenceConnectionId) })
    }
    for (const id of truth.keys()) if (!seen.has(id)) problems.push({ table, kind: 'lost', externalId: id })
  }
  return problems
}
