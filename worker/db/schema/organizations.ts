import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const organizations = sqliteTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** IANA zone: vendor timestamps without an offset are read in it when no branch zone is known. */
  timeZone: text('time_zone').notNull().default('America/Chicago'),
  /** BCP 47 tag: how money, numbers and dates read in the extension (#15). Validated by Intl when set. */
  locale: text('locale').notNull().default('en-US'),
  /** ISO 4217 code of the organisation's money; every amount stays integer minor units (cents) until display. */
  currency: text('currency').notNull().default('USD'),
  createdAt: text('created_at').notNull(),
})
