import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { connections } from './connections'

export const runStatuses = ['running', 'ok', 'partial', 'failed', 'relink_needed', 'canceled'] as const
/** `page`: the extension saw an action in the vendor's page (POST /connections/:id/page-sync). */
export const runTriggers = ['initial', 'cron', 'manual', 'page'] as const

/** One sync run of a connection, from claim to finish, with what it changed. */
export const syncRuns = sqliteTable(
  'sync_runs',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id')
      .notNull()
      .references(() => connections.id),
    orgId: text('org_id').notNull(),
    trigger: text('trigger', { enum: runTriggers }).notNull(),
    kind: text('kind', { enum: ['backfill', 'incremental'] }).notNull(),
    status: text('status', { enum: runStatuses }).notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    steps: integer('steps').notNull().default(0),
    requests: integer('requests').notNull().default(0),
    added: integer('added').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    deleted: integer('deleted').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** Milliseconds waiting on the vendor (worker/sync/vendor-http.ts `waitedMs`), summed over the run's steps. */
    vendorMs: integer('vendor_ms').notNull().default(0),
    /** Milliseconds inside the run's steps (each from its start to its last write); the rest of the run is queue hand-off. */
    stepMs: integer('step_ms').notNull().default(0),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
  },
  (t) => [index('sync_runs_connection_idx').on(t.connectionId, t.startedAt)],
)

/** Ids seen by a presence pass; a complete pass soft-deletes what it did not see. Emptied after each pass. */
export const syncSeen = sqliteTable(
  'sync_seen',
  {
    connectionId: text('connection_id').notNull(),
    stream: text('stream').notNull(),
    externalId: text('external_id').notNull(),
  },
  (t) => [index('sync_seen_idx').on(t.connectionId, t.stream, t.externalId)],
)
