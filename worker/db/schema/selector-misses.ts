import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { vendorNames } from '../../../shared/api/connections'
import { selectorMissKinds } from '../../../shared/api/diagnostics'
import { organizations } from './organizations'

/**
 * Selector misses the extension reported (#15), aggregated: one row per org × vendor × kind × page pattern ×
 * extension version, however often it is seen, so a broken page costs an update, never a row per event
 * (worker/diagnostics/record-misses.ts). Nothing from the page is stored: the pattern's grammar cannot carry text.
 */
export const selectorMisses = sqliteTable(
  'selector_misses',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    vendor: text('vendor', { enum: vendorNames }).notNull(),
    kind: text('kind', { enum: selectorMissKinds }).notNull(),
    pagePattern: text('page_pattern').notNull(),
    extensionVersion: text('extension_version').notNull(),
    count: integer('count').notNull(),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [
    uniqueIndex('selector_misses_key_idx').on(t.orgId, t.vendor, t.kind, t.pagePattern, t.extensionVersion),
    // The admin view reads an org's rows newest first.
    index('selector_misses_org_seen_idx').on(t.orgId, t.lastSeenAt),
  ],
)

/**
 * How many miss reports an org sent in the current window (worker/diagnostics/report-budget.ts): a page that keeps
 * missing in many tabs is refused with 429 once the window's budget is spent, instead of writing to D1 on every load.
 */
export const selectorMissBudgets = sqliteTable('selector_miss_budgets', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => organizations.id),
  reports: integer('reports').notNull(),
  windowEndsAt: text('window_ends_at').notNull(),
})
