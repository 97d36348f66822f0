import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { connections } from './connections'

export const streamStatuses = ['pending', 'syncing', 'ok', 'partial', 'failed'] as const

/**
 * One data type of one connection (e.g. Aspire WorkTicketTimes): its checkpoint, cursor and the progress
 * a person reads.
 */
export const syncStreams = sqliteTable(
  'sync_streams',
  {
    connectionId: text('connection_id')
      .notNull()
      .references(() => connections.id),
    stream: text('stream').notNull(),
    status: text('status', { enum: streamStatuses }).notNull().default('pending'),
    /** The vendor-specific resume point of the pass in progress; null between passes. */
    checkpoint: text('checkpoint', { mode: 'json' }).$type<unknown>(),
    /** The incremental watermark, a vendor "modified" value taken from the data. */
    cursor: text('cursor'),
    /** The run in which this stream last completed a pass; a run is done when every stream matches it. */
    completedRunId: text('completed_run_id'),
    backfilled: integer('backfilled', { mode: 'boolean' }).notNull().default(false),
    recordsThisPass: integer('records_this_pass').notNull().default(0),
    /** 0..1 fraction of the current pass, when the adapter can tell. */
    progress: integer('progress_permille'),
    passStartedAt: text('pass_started_at'),
    added: integer('added').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    deleted: integer('deleted').notNull().default(0),
    lastErrorMessage: text('last_error_message'),
    /** What the connector wants a person to know about this data ("312 entries waiting for approval"). */
    notice: text('notice'),
    /** Records the value rules skipped (or fields they emptied) so far in the pass in progress, by reason. */
    skipsThisPass: text('skips_this_pass', { mode: 'json' }).$type<Record<string, number>>(),
    /** The same for the last complete pass: what people are told ("3 time entries skipped: hours out of range"). */
    skips: text('skips', { mode: 'json' }).$type<Record<string, number>>(),
    lastSuccessAt: text('last_success_at'),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.stream] })],
)
