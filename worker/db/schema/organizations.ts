import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const organizations = sqliteTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** IANA zone: vendor timestamps without an offset are read in it when no branch zone is known. */
  timeZone: text('time_zone').notNull().default('America/Chicago'),
  createdAt: text('created_at').notNull(),
})
