import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { organizations } from './organizations'

export const roles = ['admin', 'manager', 'crew_lead', 'worker'] as const

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    /** Lower-cased; unique across orgs because login asks for the email alone. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`; never leaves the worker. */
    passwordHash: text('password_hash').notNull(),
    createdAt: text('created_at').notNull(),
    disabledAt: text('disabled_at'),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), index('users_org_idx').on(t.orgId)],
)
