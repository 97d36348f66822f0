/**
 * ExakTime reference data → canonical rows. Jobs are Locations or Arcoro Jobs (per connection); their ids
 * get a prefix (`L201`, `J501`) so switching the job source can never confuse one with the other. Every
 * job has one implicit milestone with the job's id (product decision: ExakTime has no phases of its own).
 * @module
 */
import type { CanonicalRow } from '../../../sync/connector'
import type { ExCostCode, ExEmployee, ExEmployment, ExJob, ExLocation } from '../types'
import { datePart, dollarsToCents, looseNumber } from '../units'

export const locationJobId = (id: number) => `L${id}`
export const arcoroJobId = (id: number) => `J${id}`

export const mapCostCode = (c: ExCostCode): CanonicalRow<'costCodes'> => ({
  externalId: String(c.id),
  code: c.identifier ?? null,
  name: c.name ?? c.identifier ?? `Cost code ${c.id}`,
  active: c.is_active ?? null,
})

export const mapEmployee = (e: ExEmployee): CanonicalRow<'workers'> => ({
  externalId: String(e.person_id),
  name: [e.first_name, e.last_name].filter(Boolean).join(' ') || `Employee ${e.employee_id ?? e.person_id}`,
  email: e.email ?? null,
  employeeNumber: e.employee_id ?? null,
  branchExternalId: null,
  active: e.is_active ?? null,
  // Only the per-person employment record has it; `active` already says who left.
  terminatedDate: null,
})

/**
 * Base hourly rates only (a rate code such as per-diem is not a wage); one row per effective date. A rate without
 * an amount, or with one that is not a number, is passed on empty so the sync's value rules skip and count it.
 */
export function mapPayRates(personId: number, records: ExEmployment[]): CanonicalRow<'wages'>[] {
  const rows = new Map<string, CanonicalRow<'wages'>>()
  for (const record of records) {
    for (const rate of record.pay_rates ?? []) {
      const effective = datePart(rate.effective_date)
      if (!effective || rate.is_base_rate === false) continue
      const amount = looseNumber(rate.amount)
      rows.set(effective, { externalId: `${personId}:${effective}`, workerExternalId: String(personId), effectiveDate: effective, hourlyCents: amount === null ? null : dollarsToCents(amount), burdenBasisPoints: null })
    }
  }
  return [...rows.values()]
}

type JobShape = { externalId: string; number: string | null; name: string; active: boolean; startDate: string | null; endDate: string | null }

export const locationAsJob = (l: ExLocation): JobShape => ({
  externalId: locationJobId(l.id),
  number: l.code ?? null,
  name: l.name ?? `Location ${l.id}`,
  active: l.is_active !== false,
  startDate: null,
  endDate: null,
})

export const arcoroJob = (j: ExJob): JobShape => ({
  externalId: arcoroJobId(j.id),
  number: j.identifier ?? null,
  name: j.name ?? j.identifier ?? `Job ${j.id}`,
  active: j.is_active !== false,
  startDate: datePart(j.start_date),
  endDate: datePart(j.end_date),
})

export const mapJob = (j: JobShape, contractPriceCents: number | null): CanonicalRow<'jobs'> => ({
  externalId: j.externalId,
  number: j.number,
  name: j.name,
  clientExternalId: null,
  branchExternalId: null,
  managerExternalId: null,
  recurring: false,
  // ExakTime knows only active or not: an inactive job or location is finished.
  status: j.active ? 'in_progress' : 'completed',
  vendorStatus: j.active ? 'Active' : 'Inactive',
  contractPriceCents,
  budgetSeconds: null,
  budgetLaborCents: null,
  startDate: j.startDate,
  endDate: j.endDate,
  completedDate: null,
})

export const implicitMilestone = (j: JobShape): CanonicalRow<'milestones'> => ({
  externalId: j.externalId,
  jobExternalId: j.externalId,
  number: j.number,
  name: j.name,
  status: j.active ? 'in_progress' : 'completed',
  vendorStatus: j.active ? 'Active' : 'Inactive',
  vendorStatusName: null,
  branchExternalId: null,
  crewLeaderExternalId: null,
  routeExternalId: null,
  estimatedSeconds: null,
  estimatedLaborCents: null,
  actualSeconds: null,
  scheduledDate: null,
  completedDate: null,
})
