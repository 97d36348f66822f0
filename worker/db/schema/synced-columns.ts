import { type AnySQLiteColumn, index, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * Columns every synced (canonical) table shares. A row is keyed by (connection, vendor id); `data_hash`
 * is the SHA-256 of its normalised payload, so an identical payload is never written twice.
 */
export const syncedColumns = () => ({
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  connectionId: text('connection_id').notNull(),
  externalId: text('external_id').notNull(),
  dataHash: text('data_hash').notNull(),
  /** The vendor's own "modified" value, as it gave it (for cursors and for people). */
  vendorModified: text('vendor_modified'),
  firstSeenAt: text('first_seen_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  /** Soft delete: set when a complete pass no longer finds the record; cleared if it comes back. */
  deletedAt: text('deleted_at'),
})

type Keyed = { connectionId: AnySQLiteColumn; externalId: AnySQLiteColumn; orgId: AnySQLiteColumn }

export const syncedIndexes = (name: string) => (t: Keyed) => [
  uniqueIndex(`${name}_connection_external_unique`).on(t.connectionId, t.externalId),
  index(`${name}_org_idx`).on(t.orgId),
]
