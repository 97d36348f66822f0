import type { User } from '../../shared/api/auth'
import type { users } from '../db/schema'

/** The public face of a user row: never the password hash. */
export const toApiUser = (row: typeof users.$inferSelect): User => ({
  id: row.id,
  orgId: row.orgId,
  email: row.email,
  name: row.name,
  role: row.role,
})
