import type { Organization } from '../../shared/api/auth'
import type { organizations } from '../db/schema'

/** The organisation as the API shows it: what the extension needs to label and format (#15). */
export const toApiOrg = (row: typeof organizations.$inferSelect): Organization => ({
  id: row.id,
  name: row.name,
  timeZone: row.timeZone,
  locale: row.locale,
  currency: row.currency,
})
