/**
 * Statements and line items as the API shows them.
 * @module
 */
import { and, eq, or, sql } from 'drizzle-orm'
import type { LineItemView, StatementAdjustmentView, StatementView } from '../../shared/api/statements'
import type { Db } from '../db/client'
import {
  connections,
  lineItems,
  statementAdjustments,
  statements,
  workers,
  type LineItemRow,
  type StatementAdjustmentRow,
  type StatementRow,
} from '../db/schema'
import { compareIds } from '../propay/domain/compare-ids'
import { inJson } from '../propay/load-job-data'

/** `ST-001`, `ST-002`, … `ST-1000`. */
export const statementNumber = (n: number) => `ST-${String(n).padStart(3, '0')}`

export const parseStatementNumber = (text: string): number | null => {
  const match = /^ST-(\d{1,9})$/i.exec(text)
  return match ? Number(match[1]) : null
}

export const toLineItemView = (item: LineItemRow, statement: Pick<StatementRow, 'number'>): LineItemView => ({
  id: item.id,
  propayId: item.propayId,
  statementId: item.statementId,
  statementNumber: statementNumber(statement.number),
  connectionId: item.connectionId,
  workerId: item.workerExternalId,
  role: item.role,
  kind: item.kind,
  amountCents: item.amountCents,
  status: item.status,
  holdReason: item.holdReason,
  heldUntil: item.heldUntil,
  paidOn: item.paidOn,
  approvalRound: item.approvalRound,
  approvalDate: item.approvalDate,
  createdAt: item.createdAt,
})

export const toAdjustmentView = (row: StatementAdjustmentRow): StatementAdjustmentView => ({
  id: row.id,
  statementId: row.statementId,
  kind: row.kind,
  amountCents: row.amountCents,
  purpose: row.purpose,
  createdByUserId: row.createdByUserId,
  createdAt: row.createdAt,
})

const ROLE_ORDER = ['crew', 'crew_lead', 'manager', 'other']

/** Oldest approval first, then by worker and role, as the breakdown lists payouts. */
const byPayoutOrder = (a: LineItemRow, b: LineItemRow) =>
  a.approvalRound - b.approvalRound ||
  (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
  compareIds(a.workerExternalId, b.workerExternalId) ||
  ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role)

/** The read behind `lineItemsOfProPays`, to run alone or in a batch with others. */
export const lineItemsRead = (db: Db, propayIds: readonly string[]) =>
  db
    .select({ item: lineItems, number: statements.number })
    .from(lineItems)
    .innerJoin(statements, eq(statements.id, lineItems.statementId))
    .where(inJson(lineItems.propayId, propayIds))

/** Line item rows (from `lineItemsRead`) by ProPay, with their statement numbers, oldest first. */
export function lineItemsByProPay(rows: readonly { item: LineItemRow; number: number }[]): Map<string, LineItemView[]> {
  const out = new Map<string, LineItemView[]>()
  for (const { item, number } of [...rows].sort((a, b) => byPayoutOrder(a.item, b.item))) {
    out.set(item.propayId, [...(out.get(item.propayId) ?? []), toLineItemView(item, { number })])
  }
  return out
}

/** The line items of some ProPays with their statement numbers, oldest first. */
export async function lineItemsOfProPays(db: Db, propayIds: readonly string[]): Promise<Map<string, LineItemView[]>> {
  if (propayIds.length === 0) return new Map()
  return lineItemsByProPay(await lineItemsRead(db, propayIds))
}

/** Statement views with their line items and worker names. */
export async function toStatementViews(db: Db, rows: readonly StatementRow[]): Promise<StatementView[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [items, adjustments, vendors, names] = await Promise.all([
    db.select().from(lineItems).where(inJson(lineItems.statementId, ids)),
    db.select().from(statementAdjustments).where(inJson(statementAdjustments.statementId, ids)).orderBy(statementAdjustments.createdAt),
    db.select({ id: connections.id, vendor: connections.vendor }).from(connections).where(inJson(connections.id, [...new Set(rows.map((r) => r.connectionId))])),
    workerNames(db, rows.map((r) => ({ connectionId: r.connectionId, workerId: r.workerExternalId }))),
  ])
  const vendorOf = new Map(vendors.map((v) => [v.id, v.vendor]))
  return rows.map((row) => ({
    id: row.id,
    number: statementNumber(row.number),
    connectionId: row.connectionId,
    vendor: vendorOf.get(row.connectionId) ?? null,
    worker: { id: row.workerExternalId, name: names.get(`${row.connectionId}\u0000${row.workerExternalId}`) ?? null },
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: row.status,
    totalCents: row.totalCents,
    carriedInCents: row.carriedInCents,
    carryOutCents: row.carryOutCents,
    adjustments: adjustments.filter((a) => a.statementId === row.id).map(toAdjustmentView),
    paidOn: row.paidOn,
    lineItems: items
      .filter((i) => i.statementId === row.id)
      .sort(byPayoutOrder)
      .map((i) => toLineItemView(i, row)),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }))
}

/** Names of vendor workers, keyed `connectionId \0 worker id`. */
/** The read behind `workerNames`: one statement whatever the number of connections (none matches nothing). */
export function workerNamesRead(db: Db, refs: readonly { connectionId: string; workerId: string }[]) {
  const byConnection = new Map<string, Set<string>>()
  for (const ref of refs) byConnection.set(ref.connectionId, (byConnection.get(ref.connectionId) ?? new Set()).add(ref.workerId))
  const matches = [...byConnection].map(([connectionId, ids]) => and(eq(workers.connectionId, connectionId), inJson(workers.externalId, [...ids])))
  return db
    .select({ connectionId: workers.connectionId, externalId: workers.externalId, name: workers.name })
    .from(workers)
    .where(matches.length > 0 ? or(...matches) : sql`0`)
}

/** Names by `connectionId \0 worker id`, from `workerNamesRead`. */
export const namesByWorker = (rows: readonly { connectionId: string; externalId: string; name: string }[]) =>
  new Map(rows.map((row) => [`${row.connectionId}\u0000${row.externalId}`, row.name]))

export async function workerNames(db: Db, refs: readonly { connectionId: string; workerId: string }[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map()
  return namesByWorker(await workerNamesRead(db, refs))
}
