/**
 * Finding a statement the caller may see: by id or by its `ST-001` reference, always within the caller's organisation.
 * @module
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { statements, type StatementRow } from '../db/schema'
import { ApiError } from '../http/api-error'
import { seesAll, workerKey, type Viewer } from '../propay/access'
import { parseStatementNumber } from './view'

/** A statement of the caller's organisation by id or by its `ST-001` reference; crew leads and workers only their own. */
export async function loadStatement(db: Db, viewer: Viewer, idOrNumber: string): Promise<StatementRow> {
  const number = parseStatementNumber(idOrNumber)
  const [row] = await db
    .select()
    .from(statements)
    .where(and(eq(statements.orgId, viewer.orgId), number === null ? eq(statements.id, idOrNumber) : eq(statements.number, number)))
  if (!row) throw new ApiError('not_found', 'No statement with this id in your organisation.')
  if (!seesAll(viewer) && !viewer.workerKeys.has(workerKey(row.connectionId, row.workerExternalId))) {
    throw new ApiError('forbidden', 'You can see only your own statements.')
  }
  return row
}
