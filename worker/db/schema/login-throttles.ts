import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Sign-in attempts counted per account and per client address, one row per key and window
 * (`worker/auth/login-throttle.ts`). The key is a SHA-256 of `email:<address>` or `ip:<address>`: the
 * table can answer "is this throttled?" without keeping a readable list of what people typed.
 */
export const loginThrottles = sqliteTable(
  'login_throttles',
  {
    key: text('key').primaryKey(),
    /** Attempts in this window that did not succeed (an attempt counts before its password is checked). */
    failures: integer('failures').notNull(),
    /** When the window closes; after it the row is dead and the next attempt starts a new window. */
    windowEndsAt: text('window_ends_at').notNull(),
  },
  // Pruning deletes by window end: an index range, however many rows there are.
  (t) => [index('login_throttles_window_idx').on(t.windowEndsAt)],
)
