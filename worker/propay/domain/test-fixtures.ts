import type { ProPayInput } from './propay-input'
import type { TimeEntry } from './time-entry'
import type { WageRecord } from './wage-history'

/** Test helpers: small builders for calculation inputs (not part of the public API). */

export const HOUR = 3600

let entryCounter = 0

/** A work entry of `hours` on `date` (default 2026-05-04). */
export function work(workerId: string, hours: number, date = '2026-05-04', extra: Partial<TimeEntry> = {}): TimeEntry {
  entryCounter += 1
  return { id: `e${entryCounter}`, workerId, date, seconds: Math.round(hours * HOUR), kind: 'work', ...extra }
}

export const drive = (workerId: string, hours: number, date = '2026-05-04'): TimeEntry =>
  work(workerId, hours, date, { kind: 'drive' })

/** A wage from `effectiveFrom` (default 2026-01-01), with a burden only when given. */
export function wage(workerId: string, wageCentsPerHour: number, effectiveFrom = '2026-01-01', burdenBp?: number) {
  const record: WageRecord = { workerId, effectiveFrom, wageCentsPerHour }
  return burdenBp === undefined ? record : { ...record, burdenBp }
}

/** A complete, approvable ProPay input: $1,000 amount budget, 70/20/10 pool, 50% split, equal weighted. */
export function baseInput(overrides: Partial<ProPayInput> = {}): ProPayInput {
  return {
    budget: { type: 'amount', amountCents: 100_000 },
    milestones: [{ id: 'm1', status: 'pending_review' }],
    timeEntries: [],
    wageHistory: [],
    pool: {
      splitBp: 5000,
      bucketsBp: { crew: 7000, crew_lead: 2000, manager: 1000, company: 0, other: 0 },
      otherRecipientIds: [],
    },
    distribution: { type: 'equal_weighted' },
    people: { managerId: 'mgr', crewLeadIds: [] },
    ...overrides,
  }
}
