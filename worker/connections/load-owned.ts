import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../db/client'
import { connections } from '../db/schema'
import { ApiError } from '../http/api-error'

/** The caller's connection; another organisation's is answered exactly like one that does not exist. */
export async function loadOwnedConnection(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.id, id), eq(connections.orgId, orgId), isNull(connections.deletedAt)))
  if (!row) throw new ApiError('not_found', 'No connection with this id in your organisation.')
  return row
}
