/**
 * Synced rows → the domain's calculation inputs. Pure: the loader reads the rows, these functions decide what they
 * mean for a ProPay (which time, which wage, which budget).
 * @module
 */
import type { budgets, jobs, milestones, timeEntries, wages } from '../db/schema'
import type { SyncedBudgetRule } from '../db/schema'
import { DEFAULT_OVERTIME_MULTIPLIER_BP, type BudgetSpec, type TimeEntry, type WageRecord } from './domain'

export type JobRow = typeof jobs.$inferSelect
export type MilestoneRow = typeof milestones.$inferSelect
export type TimeEntryRow = typeof timeEntries.$inferSelect
export type WageRow = typeof wages.$inferSelect
export type BudgetRow = typeof budgets.$inferSelect

const DOUBLE_TIME_BP = 20_000

/**
 * A synced time entry as domain entries. The domain takes one overtime multiplier per entry, so an entry with
 * double time becomes two: the double-time seconds (all at 2×) and the rest (overtime at 1.5×). Overtime that the
 * vendor reports beyond the duration is capped at the duration. Entries without a worker cannot be costed and are
 * left out.
 */
export function toDomainTimeEntries(row: TimeEntryRow): TimeEntry[] {
  if (!row.workerExternalId) return []
  const total = Math.max(0, row.durationSeconds)
  const doubleTime = Math.min(Math.max(0, row.doubleTimeSeconds), total)
  const rest = total - doubleTime
  const overtime = Math.min(Math.max(0, row.overtimeSeconds), rest)
  const base = {
    workerId: row.workerExternalId,
    date: row.workDate,
    kind: row.isDrive ? ('drive' as const) : ('work' as const),
    taskId: row.costCodeExternalId,
  }
  const entries: TimeEntry[] = []
  if (rest > 0 || doubleTime === 0) {
    entries.push({ ...base, id: row.externalId, seconds: rest, overtimeSeconds: overtime, overtimeMultiplierBp: DEFAULT_OVERTIME_MULTIPLIER_BP })
  }
  if (doubleTime > 0) {
    entries.push({ ...base, id: `${row.externalId}#double-time`, seconds: doubleTime, overtimeSeconds: doubleTime, overtimeMultiplierBp: DOUBLE_TIME_BP })
  }
  return entries
}

/**
 * Synced wages as an effective-dated history. Two rows for one worker and day would make the wage in force
 * ambiguous (and the whole ProPay uncomputable), so the most recently synced one wins.
 */
export function toWageHistory(rows: readonly WageRow[]): WageRecord[] {
  const latest = new Map<string, WageRow>()
  for (const row of rows) {
    const key = `${row.workerExternalId}\u0000${row.effectiveDate}`
    const seen = latest.get(key)
    if (!seen || row.updatedAt > seen.updatedAt || (row.updatedAt === seen.updatedAt && row.externalId > seen.externalId)) latest.set(key, row)
  }
  return [...latest.values()]
    .sort((a, b) => (a.workerExternalId < b.workerExternalId ? -1 : a.workerExternalId > b.workerExternalId ? 1 : a.effectiveDate < b.effectiveDate ? -1 : 1))
    .map((row) => ({
      workerId: row.workerExternalId,
      effectiveFrom: row.effectiveDate,
      wageCentsPerHour: row.hourlyCents,
      ...(row.burdenBasisPoints === null ? {} : { burdenBp: row.burdenBasisPoints }),
    }))
}

export interface SyncedBudget {
  spec: BudgetSpec
  /** Which synced field it came from, for people: e.g. `milestone.estimated_seconds`. */
  source: string
}

interface BudgetCandidates {
  hours: SyncedBudget | null
  amount: SyncedBudget | null
  contract_price: SyncedBudget | null
}

const positive = (value: number | null | undefined): value is number => typeof value === 'number' && value > 0
const sum = (values: (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0)
const hours = (budgetSeconds: number, source: string): SyncedBudget => ({ spec: { type: 'hours', budgetSeconds }, source })
const amount = (amountCents: number, source: string): SyncedBudget => ({ spec: { type: 'amount', amountCents }, source })

/** The first synced figure that exists, in the order given. */
const firstOf = (...candidates: (SyncedBudget | null)[]) => candidates.find((c) => c !== null) ?? null

/**
 * The labor budget the vendor gives for a ProPay's scope, preferring the rule's type and falling back to the
 * others: for a visit, its estimate (hours, then labor cost) or its labor budget lines; for a whole job, the job's
 * budget hours or labor cost, its milestones' estimates, its labor budget lines, or the contract price × the labor
 * budget %. `null` when the vendor has no budget at all.
 */
export function syncedBudget(
  scope: { kind: 'job' | 'milestone' },
  job: JobRow | null,
  covered: readonly MilestoneRow[],
  laborBudgets: readonly BudgetRow[],
  rule: SyncedBudgetRule,
): SyncedBudget | null {
  const live = covered.filter((m) => m.status !== 'canceled')
  const lineSeconds = sum(laborBudgets.map((b) => b.seconds))
  const lineCents = sum(laborBudgets.map((b) => b.amountCents))
  const estimatedSeconds = sum(live.map((m) => m.estimatedSeconds))
  const estimatedCents = sum(live.map((m) => m.estimatedLaborCents))
  const candidates: BudgetCandidates =
    scope.kind === 'milestone'
      ? {
          hours: firstOf(positive(estimatedSeconds) ? hours(estimatedSeconds, 'milestone.estimated_seconds') : null, positive(lineSeconds) ? hours(lineSeconds, 'budgets.seconds') : null),
          amount: firstOf(positive(estimatedCents) ? amount(estimatedCents, 'milestone.estimated_labor_cents') : null, positive(lineCents) ? amount(lineCents, 'budgets.amount_cents') : null),
          contract_price: null,
        }
      : {
          hours: firstOf(
            positive(job?.budgetSeconds) ? hours(job.budgetSeconds, 'job.budget_seconds') : null,
            positive(estimatedSeconds) ? hours(estimatedSeconds, 'milestones.estimated_seconds') : null,
            positive(lineSeconds) ? hours(lineSeconds, 'budgets.seconds') : null,
          ),
          amount: firstOf(
            positive(job?.budgetLaborCents) ? amount(job.budgetLaborCents, 'job.budget_labor_cents') : null,
            positive(estimatedCents) ? amount(estimatedCents, 'milestones.estimated_labor_cents') : null,
            positive(lineCents) ? amount(lineCents, 'budgets.amount_cents') : null,
          ),
          contract_price: positive(job?.contractPriceCents)
            ? {
                spec: { type: 'contract_price', contractPriceCents: job.contractPriceCents, laborBudgetBp: rule.contractLaborBudgetBp },
                source: 'job.contract_price_cents',
              }
            : null,
        }
  const order = { hours: ['hours', 'amount', 'contract_price'], amount: ['amount', 'hours', 'contract_price'], contract_price: ['contract_price', 'hours', 'amount'] } as const
  return firstOf(...order[rule.preferredType].map((type) => candidates[type]))
}

/** The crew leads the vendor names on the covered milestones, in a stable order. */
export const syncedCrewLeads = (covered: readonly MilestoneRow[]): string[] =>
  [...new Set(covered.filter((m) => m.status !== 'canceled').map((m) => m.crewLeaderExternalId).filter((id): id is string => !!id))].sort()
