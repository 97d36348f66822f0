/**
 * The rows connectors hand the sync engine, typed from the drizzle tables: a mapper that leaves out a column
 * or misnames one fails to compile. The engine's generic write path (guard, hash, upsert) works on any table,
 * so it sees the same rows through `AnyCanonicalRow`.
 * @module
 */
import type { SyncedTableName, syncedTables } from '../db/schema'

/**
 * The shared columns the engine fills itself on every synced row (from the connection, the hash and the clock):
 * connectors never give them. This is the one place they are listed; the value guard reads it too.
 */
export const ENGINE_FILLED_COLUMNS = ['id', 'orgId', 'connectionId', 'dataHash', 'firstSeenAt', 'updatedAt', 'deletedAt'] as const
export type EngineFilledColumn = (typeof ENGINE_FILLED_COLUMNS)[number]

type InsertOf<T extends SyncedTableName> = (typeof syncedTables)[T]['$inferInsert']

/**
 * Every value may be null: a vendor can leave out what a column requires, and the value rules (sync/guard)
 * then skip that record and count it for people, rather than the mapper inventing a 0 or a 1970. Names and
 * presence are what the type holds a mapper to; a required column must still be given, if only as null.
 */
type OrNull<Row> = { [K in keyof Row]: Row[K] | null }

/** One canonical row of table `T`, as a connector maps it: the table's columns, without those the engine fills. */
export type CanonicalRow<T extends SyncedTableName> = OrNull<Omit<InsertOf<T>, EngineFilledColumn | 'externalId'>> & { externalId: string }

/** A canonical row of some table, as the generic write path sees it (values are checked there, by the guard). */
export type AnyCanonicalRow = { externalId: string; vendorModified?: string | null } & Record<string, unknown>

/** Rows for one table; the union over tables keeps `table` and `rows` in step. */
export type Upsert<T extends SyncedTableName = SyncedTableName> = { [K in T]: { table: K; rows: CanonicalRow<K>[] } }[T]

/**
 * An upsert for a table chosen at run time (e.g. a stream spec's generic table), its rows checked against that
 * table. TypeScript cannot see that `{ table: T; rows: CanonicalRow<T>[] }` is a member of `Upsert` for a type
 * parameter `T`, so the typed signature sits over a generic implementation (the rows are checked at the call).
 */
export function upsert<T extends SyncedTableName>(table: T, rows: CanonicalRow<T>[]): Upsert
export function upsert(table: SyncedTableName, rows: AnyCanonicalRow[]): { table: SyncedTableName; rows: AnyCanonicalRow[] } {
  return { table, rows }
}
