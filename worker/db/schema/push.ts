import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const pushKinds = ['time_entry', 'material'] as const
export const pushStates = ['pending', 'sending', 'pushed', 'failed', 'conflict'] as const

/**
 * The outbox of records created or changed here that must reach the vendor. `sending` means a request
 * may have reached the vendor without us seeing the answer: the next attempt looks before it writes.
 */
export const pushRecords = sqliteTable(
  'push_records',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    connectionId: text('connection_id').notNull(),
    kind: text('kind', { enum: pushKinds }).notNull(),
    operation: text('operation', { enum: ['create', 'update'] }).notNull(),
    /** The vendor id of the record an update applies to, and, once pushed, of the record created. */
    vendorExternalId: text('vendor_external_id'),
    /** What the vendor should hold afterwards, in our canonical terms. */
    payload: text('payload', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    /** For updates: the vendor's modified value our change was based on (conflict detection). */
    baseVendorModified: text('base_vendor_modified'),
    /** Vendor-side facts needed to recover from a lost response (e.g. ids that existed before a create). */
    recovery: text('recovery', { mode: 'json' }).$type<Record<string, unknown>>(),
    state: text('state', { enum: pushStates }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdByUserId: text('created_by_user_id').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    pushedAt: text('pushed_at'),
  },
  (t) => [index('push_records_connection_state_idx').on(t.connectionId, t.state), index('push_records_org_idx').on(t.orgId)],
)

/** Every conflict between our change and the vendor's, with both versions and the rule applied. */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    connectionId: text('connection_id').notNull(),
    kind: text('kind', { enum: pushKinds }).notNull(),
    vendorExternalId: text('vendor_external_id'),
    pushRecordId: text('push_record_id').notNull(),
    ours: text('ours', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    theirs: text('theirs', { mode: 'json' }).$type<Record<string, unknown>>(),
    resolution: text('resolution').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('sync_conflicts_connection_idx').on(t.connectionId, t.createdAt)],
)
