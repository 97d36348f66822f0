/**
 * The "Bonuses for Payroll" CSV (docs/domain/propay.md §13): one record per statement of a pay period that is not
 * voided, with the statement's stored net total, so the file and the statements agree to the cent. Streamed page by
 * page, so an organisation with thousands of workers never holds the whole file in memory. Branch/division is the
 * worker's own branch as synced (a statement can hold ProPays of several jobs, the worker has one home branch).
 * @module
 */
import { and, asc, eq, gt, gte, lte, ne } from 'drizzle-orm'
import type { Db } from '../db/client'
import { branches, statements, workers, type StatementRow } from '../db/schema'
import { payrollCsvHead, payrollCsvRow } from '../propay/domain'
import { inJson } from '../propay/load-job-data'
import { statementNumber } from './view'

const PAGE = 200

export interface ExportScope {
  orgId: string
  /** Any date inside the pay period. */
  period: string
  connectionId?: string | undefined
}

async function page(db: Db, scope: ExportScope, afterNumber: number, size: number): Promise<StatementRow[]> {
  return db
    .select()
    .from(statements)
    .where(
      and(
        eq(statements.orgId, scope.orgId),
        scope.connectionId ? eq(statements.connectionId, scope.connectionId) : undefined,
        lte(statements.periodStart, scope.period),
        gte(statements.periodEnd, scope.period),
        ne(statements.status, 'voided'),
        gt(statements.number, afterNumber),
      ),
    )
    .orderBy(asc(statements.number))
    .limit(size)
}

/** Names and branch names of the page's workers, keyed `connectionId \0 worker id`. */
async function workerDetails(db: Db, orgId: string, rows: readonly StatementRow[]) {
  const out = new Map<string, { name: string; branch: string }>()
  for (const connectionId of new Set(rows.map((r) => r.connectionId))) {
    const ids = [...new Set(rows.filter((r) => r.connectionId === connectionId).map((r) => r.workerExternalId))]
    const found = await db
      .select({ externalId: workers.externalId, name: workers.name, branchId: workers.branchExternalId, branchName: branches.name })
      .from(workers)
      .leftJoin(branches, and(eq(branches.connectionId, workers.connectionId), eq(branches.externalId, workers.branchExternalId)))
      .where(and(eq(workers.orgId, orgId), eq(workers.connectionId, connectionId), inJson(workers.externalId, ids)))
    for (const w of found) out.set(`${connectionId}\u0000${w.externalId}`, { name: w.name, branch: w.branchName ?? w.branchId ?? '' })
  }
  return out
}

/** The CSV as a stream of UTF-8 bytes: BOM and header first, then one page of statements per pull. */
export function payrollCsvStream(db: Db, scope: ExportScope, pageSize = PAGE): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let after = 0
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(payrollCsvHead()))
        return
      }
      const rows = await page(db, scope, after, pageSize)
      if (rows.length === 0) return controller.close()
      const details = await workerDetails(db, scope.orgId, rows)
      const text = rows
        .map((row) => {
          const worker = details.get(`${row.connectionId}\u0000${row.workerExternalId}`)
          return payrollCsvRow({
            workerName: worker?.name ?? '',
            workerId: row.workerExternalId,
            periodStart: row.periodStart,
            periodEnd: row.periodEnd,
            amountCents: row.totalCents,
            statement: statementNumber(row.number),
            branch: worker?.branch ?? '',
          })
        })
        .join('')
      after = rows[rows.length - 1]!.number
      controller.enqueue(encoder.encode(text))
      if (rows.length < pageSize) controller.close()
    },
  })
}
