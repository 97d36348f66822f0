/**
 * One atomic D1 batch of drizzle queries and raw SQL. drizzle's own `batch` cannot carry raw SQL with parameters
 * on D1 (its raw query has no prepared statement to bind), so both kinds are turned into D1 statements here.
 * @module
 */
import { is, SQL } from 'drizzle-orm'
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/client'
import { ApiError } from '../http/api-error'

const dialect = new SQLiteSyncDialect()

export type BatchItem = SQL | { toSQL(): { sql: string; params: unknown[] } }

/**
 * Runs the statements in order as one transaction. A constraint failure means a concurrent change got there first:
 * everything is undone and the caller gets a 409 telling them to reload.
 */
export async function runBatch(db: Db, items: readonly BatchItem[], what = 'This ProPay or a statement'): Promise<D1Result[]> {
  const d1 = db.$client
  const statements = items.map((item) => {
    const query = is(item, SQL) ? dialect.sqlToQuery(item) : item.toSQL()
    return d1.prepare(query.sql).bind(...query.params)
  })
  try {
    return await d1.batch(statements)
  } catch (error) {
    if (error instanceof Error && /constraint/i.test(error.message)) {
      throw new ApiError('conflict', `${what} changed at the same time. Reload it and try again.`)
    }
    throw error
  }
}
