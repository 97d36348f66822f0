import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Last time each kind of background work ran (`cron`, `queue`), shown by /health. */
export const heartbeats = sqliteTable('heartbeats', {
  name: text('name').primaryKey(),
  at: text('at').notNull(),
})
