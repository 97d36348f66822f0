import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { credentialKinds, vendorNames } from '../../../shared/api/connections'
import { organizations } from './organizations'

/** What a person sees: the state of the connection as a whole. */
export const connectionStatuses = ['pending', 'syncing', 'ok', 'partial', 'failed', 'paused', 'relink_needed'] as const

export const connections = sqliteTable(
  'connections',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    vendor: text('vendor', { enum: vendorNames }).notNull(),
    /** A label for the vendor account (e.g. the Aspire client id's last characters); never a secret. */
    accountLabel: text('account_label').notNull(),
    /**
     * The vendor's stable id of the account, when the connector reads one (Buildertrend's `builderId`): a label can
     * change when a company is renamed; this cannot. Null for vendors without one and for rows older than it.
     */
    accountId: text('account_id'),
    /** AES-256-GCM ciphertext and IV (base64) of the credentials JSON. Never returned, never logged. */
    credentialsCiphertext: text('credentials_ciphertext').notNull(),
    credentialsIv: text('credentials_iv').notNull(),
    /**
     * The kind of the credentials above, written with them (connect, reconnect, renewal), so a list shows it without
     * decrypting anything. Null on rows stored before the column: SQL cannot read encrypted credentials, so they are
     * decrypted once, the first time the connection is shown, and the kind written back (connections/credential-kind.ts).
     */
    credentialKind: text('credential_kind', { enum: credentialKinds }),
    settings: text('settings', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: connectionStatuses }).notNull().default('pending'),
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
    frequencySeconds: integer('frequency_seconds').notNull(),
    nextRunAt: text('next_run_at').notNull(),
    /** The lease: whoever holds `lease_token` until `lease_until` is the only one allowed to sync. */
    leaseUntil: text('lease_until'),
    leaseToken: text('lease_token'),
    currentRunId: text('current_run_id'),
    lastRunStartedAt: text('last_run_started_at'),
    lastRunFinishedAt: text('last_run_finished_at'),
    lastSuccessAt: text('last_success_at'),
    lastForcedAt: text('last_forced_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('connections_org_idx').on(t.orgId), index('connections_due_idx').on(t.nextRunAt)],
)
