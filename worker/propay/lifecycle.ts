/**
 * Approve, unapprove, cancel and restore: the domain decides (`transitionProPay`), this module stores the decision
 * and its effects in one atomic D1 batch. A refused action writes nothing at all.
 * @module
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { BonusSettings } from '../../shared/api/bonus-settings'
import type { ApproveProPayRequest } from '../../shared/api/propays'
import type { Db } from '../db/client'
import { lineItems, propays, type ProPayRow } from '../db/schema'
import { ApiError } from '../http/api-error'
import { planPostings, postingStatements, refreshTotals } from '../statements/post'
import { buildProPayInput, compute } from './build-input'
import {
  buildApprovalLineItems,
  buildOverageLineItems,
  overageSharesOf,
  transitionLineItem,
  transitionProPay,
  type Disqualifier,
  type LineItemStatus,
  type Penalty,
  type ProPayAction,
  type ProPayLifecycle,
  type ValidationIssue,
} from './domain'
import { coverageOf, inJson, loadJobData } from './load-job-data'
import { runBatch } from './d1-batch'
import { blockersOf } from './view'

export const lifecycleOf = (row: ProPayRow): ProPayLifecycle => ({
  status: row.status,
  approvalDate: row.approvalDate,
  approvalRound: row.approvalRound,
  costExclusionsLocked: row.costExclusionsLocked,
  groupId: null,
})

function decide(row: ProPayRow, action: ProPayAction) {
  const result = transitionProPay(lifecycleOf(row), action)
  if (!result.ok) throw new ApiError('conflict', result.error.message)
  return result.value
}

const concurrentChange = () => new ApiError('conflict', 'This ProPay changed at the same time. Reload it and try again.')

/** Applies the approval request's outcomes to the ProPay's safeguards; unknown ids are a 400 naming the field. */
function resolveSafeguards(row: ProPayRow, request: ApproveProPayRequest): { disqualifiers: Disqualifier[]; penalties: Penalty[] } {
  const issues: ValidationIssue[] = []
  const disqualifiers = row.disqualifiers.map((d) => ({ ...d }))
  request.disqualifiers?.forEach((resolution, index) => {
    const target = disqualifiers.find((d) => d.id === resolution.id)
    if (!target) issues.push({ path: `disqualifiers.${index}.id`, message: `This ProPay has no disqualifier ${resolution.id}.` })
    else Object.assign(target, { outcome: resolution.outcome })
  })
  const penalties = row.penalties.map((p) => ({ ...p }))
  request.penalties?.forEach((resolution, index) => {
    const target = penalties.find((p) => p.id === resolution.id)
    if (!target) issues.push({ path: `penalties.${index}.id`, message: `This ProPay has no penalty ${resolution.id}.` })
    else Object.assign(target, { outcome: resolution.outcome }, resolution.amountCents === undefined ? {} : { amountCents: resolution.amountCents })
  })
  if (issues.length > 0) throw new ApiError('bad_request', `The request body is not valid: ${issues.map((i) => i.message).join(' ')}`, issues)
  return { disqualifiers, penalties }
}

export interface ApproveContext {
  settings: BonusSettings
  approvalDate: string
  userId: string
  now: string
}

/**
 * Approves an active ProPay: recomputes its breakdown with the resolved safeguards, refuses (409, nothing written)
 * before the covered milestones are complete, when already approved or while something blocks approval, else
 * freezes the breakdown and posts its payouts as line items on the workers' statements, atomically.
 */
export async function approve(db: Db, row: ProPayRow, request: ApproveProPayRequest, ctx: ApproveContext): Promise<void> {
  if (row.status !== 'active') {
    decide(row, { type: 'approve', approvalDate: ctx.approvalDate, milestones: [], problems: [] })
    throw new Error(`transitionProPay allowed approving a ${row.status} ProPay`)
  }
  const safeguards = resolveSafeguards(row, request)
  const data = await loadJobData(db, row.connectionId, [row.jobExternalId])
  const coverage = coverageOf(data, row)
  const withSafeguards = { ...row, ...safeguards }
  const computed = await compute(buildProPayInput(withSafeguards, coverage))
  const next = decide(row, {
    type: 'approve',
    approvalDate: ctx.approvalDate,
    milestones: coverage.milestones.map((m) => ({ id: m.externalId, status: m.status })),
    problems: computed.breakdown?.problems ?? [],
  })
  const blockers = blockersOf({ ...withSafeguards, breakdown: computed.breakdown, calculationIssues: computed.issues })
  if (!computed.breakdown || blockers.length > 0) {
    throw new ApiError('conflict', `Approval is blocked: ${blockers.map((b) => b.message).join(' ')}`, computed.issues.length > 0 ? computed.issues : undefined)
  }
  const round = { proPayId: row.id, approvalRound: next.state.approvalRound, approvalDate: ctx.approvalDate }
  const items = [
    ...buildApprovalLineItems({ ...round, payouts: computed.breakdown.payouts, holdPolicy: row.holdPolicy }),
    // Netting is decided at approval: turning the setting off later leaves earlier overage items as they are.
    ...(ctx.settings.negativeNetting.enabled ? buildOverageLineItems({ ...round, shares: overageSharesOf(computed.breakdown) }) : []),
  ]
  const postings = await planPostings(db, row, items, ctx.settings.payPeriod, row.postingPeriod)
  const results = await runBatch(db, [
    db
      .update(propays)
      .set({
        status: next.state.status,
        approvalRound: next.state.approvalRound,
        approvalDate: next.state.approvalDate,
        costExclusionsLocked: next.state.costExclusionsLocked,
        approvedAt: ctx.now,
        approvedByUserId: ctx.userId,
        disqualifiers: safeguards.disqualifiers,
        penalties: safeguards.penalties,
        breakdown: computed.breakdown,
        calculationIssues: null,
        budgetSource: computed.budgetSource,
        inputHash: computed.inputHash,
        computedAt: ctx.now,
        attention: null,
        updatedAt: ctx.now,
      })
      .where(and(eq(propays.id, row.id), eq(propays.status, 'active'), eq(propays.approvalRound, row.approvalRound))),
    ...postingStatements(db, { orgId: row.orgId, connectionId: row.connectionId, propayId: row.id }, postings, ctx.now),
  ])
  if (results[0]?.meta.changes !== 1) throw concurrentChange()
}

async function currentItems(db: Db, row: ProPayRow) {
  return db
    .select()
    .from(lineItems)
    .where(and(eq(lineItems.propayId, row.id), eq(lineItems.approvalRound, row.approvalRound)))
}

/**
 * Unapprove, or cancel an approved ProPay (unapproved first, docs/domain/propay.md §4.2): refused while any of its line
 * items is paid; otherwise its unpaid items are voided and their statements' totals updated (statements are never
 * deleted).
 */
async function leaveApproved(db: Db, row: ProPayRow, type: 'unapprove' | 'cancel', now: string): Promise<void> {
  const items = await currentItems(db, row)
  const next = decide(row, { type, lineItems: items.map((i) => i.status as LineItemStatus) })
  const toVoid = next.effects.includes('reverse_unpaid_line_items')
    ? items.filter((item) => {
        if (item.status === 'voided') return false
        const voided = transitionLineItem(item, { type: 'void' })
        if (!voided.ok) throw new ApiError('conflict', voided.error.message)
        return true
      })
    : []
  const results = await runBatch(db, [
    db
      .update(propays)
      .set({ status: next.state.status, approvalDate: next.state.approvalDate, updatedAt: now })
      .where(
        and(
          eq(propays.id, row.id),
          eq(propays.status, row.status),
          eq(propays.approvalRound, row.approvalRound),
          sql`NOT EXISTS (SELECT 1 FROM line_items WHERE line_items.propay_id = ${row.id} AND line_items.status = 'paid')`,
        ),
      ),
    ...(toVoid.length === 0
      ? []
      : [
          db
            .update(lineItems)
            .set({ status: 'voided', holdReason: null, heldUntil: null, updatedAt: now })
            .where(
              and(
                inJson(lineItems.id, toVoid.map((i) => i.id)),
                inArray(lineItems.status, ['held', 'in_process']),
                sql`EXISTS (SELECT 1 FROM propays WHERE propays.id = ${row.id} AND propays.status = ${next.state.status})`,
              ),
            ),
          refreshTotals(row.id, now),
        ]),
  ])
  if (results[0]?.meta.changes !== 1) throw concurrentChange()
}

export const unapprove = (db: Db, row: ProPayRow, now: string) => leaveApproved(db, row, 'unapprove', now)

export async function cancel(db: Db, row: ProPayRow, now: string): Promise<void> {
  if (row.status === 'approved') return leaveApproved(db, row, 'cancel', now)
  const next = decide(row, { type: 'cancel', lineItems: [] })
  await setStatus(db, row, next.state.status, now)
}

export async function restore(db: Db, row: ProPayRow, now: string): Promise<void> {
  const next = decide(row, { type: 'restore' })
  await setStatus(db, row, next.state.status, now)
}

async function setStatus(db: Db, row: ProPayRow, status: ProPayRow['status'], now: string) {
  const result = await db
    .update(propays)
    .set({ status, updatedAt: now })
    .where(and(eq(propays.id, row.id), eq(propays.status, row.status)))
  if (result.meta.changes !== 1) throw concurrentChange()
}
