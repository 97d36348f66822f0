/**
 * What a supervisor or admin does to time in ExakTime Connect, with its rules: sign-off locks a day (its
 * records and its lower approvals), a closed pay period locks its days, and a record entered for a day
 * that is already approved (or a closed period) lands in Quarantined Time.
 * @module
 */
import { badRequest, locked, notFound } from '../errors'
import { addDays, isDate, mondayOf } from './dates'
import type { Tenant } from './tenant'
import { APPROVAL_LEVELS, type ApprovalLevel, type PayPeriod, type TimeRecord } from './types'

export type RecordInput = Partial<Omit<TimeRecord, 'id' | 'payPeriodId' | 'quarantined' | 'createdAt' | 'modifiedAt'>> & { personId: number; workDate: string }

const approvalsOf = (t: Tenant, personId: number, workDate: string) => t.data.approvals.filter((a) => a.personId === personId && a.workDate === workDate)

/** The pay period holding a date, created (open, weekly) when the date is past the last one. */
export function periodFor(t: Tenant, workDate: string): PayPeriod {
  const found = t.data.payPeriods.find((p) => p.startDate <= workDate && workDate <= p.endDate)
  if (found) return found
  const startDate = mondayOf(workDate)
  const period = { id: Math.max(0, ...t.data.payPeriods.map((p) => p.id)) + 1, startDate, endDate: addDays(startDate, 6), closed: false }
  t.data.payPeriods.push(period)
  return period
}

export function lockReason(t: Tenant, personId: number, workDate: string): string | null {
  if (approvalsOf(t, personId, workDate).some((a) => a.level === 'SignOff')) return `Time for employee ${personId} on ${workDate} is signed off and can no longer be edited.`
  if (periodFor(t, workDate).closed) return `The pay period containing ${workDate} is closed.`
  return null
}

function findRecord(t: Tenant, id: number) {
  const record = t.data.timeRecords.find((r) => r.id === id)
  if (!record) throw notFound(`Time record ${id} does not exist.`)
  return record
}

export function addRecord(t: Tenant, input: RecordInput): TimeRecord {
  if (!isDate(input.workDate)) throw badRequest('workDate must be YYYY-MM-DD.')
  if (!t.data.employees.some((e) => e.person_id === input.personId)) throw badRequest(`Employee ${input.personId} does not exist.`)
  const location = input.locationId ?? t.data.locations[0]?.id
  if (location === undefined) throw badRequest('The company has no location to record time at.')
  const period = periodFor(t, input.workDate)
  const now = t.now()
  const record: TimeRecord = {
    locationId: location,
    jobId: null,
    costCodeId: t.data.costCodes.find((c) => c.display_option === 'default')?.id ?? 1,
    timeIn: `${input.workDate}T07:00:00`,
    timeOut: `${input.workDate}T15:00:00`,
    regularHours: 8,
    ot1Hours: 0,
    ot2Hours: 0,
    ...input,
    id: t.data.nextId.timeRecord++,
    payPeriodId: period.id,
    quarantined: period.closed || approvalsOf(t, input.personId, input.workDate).length > 0,
    createdAt: now,
    modifiedAt: now,
  }
  t.data.timeRecords.push(record)
  return record
}

export function editRecord(t: Tenant, id: number, patch: Partial<RecordInput>): TimeRecord {
  const record = findRecord(t, id)
  const reason = lockReason(t, record.personId, record.workDate) ?? (patch.workDate ? lockReason(t, patch.personId ?? record.personId, patch.workDate) : null)
  if (reason) throw locked(reason)
  Object.assign(record, patch, { modifiedAt: t.now() })
  if (patch.workDate) record.payPeriodId = periodFor(t, patch.workDate).id
  return record
}

export function deleteRecord(t: Tenant, id: number) {
  const record = findRecord(t, id)
  const reason = lockReason(t, record.personId, record.workDate)
  if (reason) throw locked(reason)
  t.data.timeRecords.splice(t.data.timeRecords.indexOf(record), 1)
}

/** Accepting a quarantined record puts it back on its time card (approval is still per day). */
export function releaseRecord(t: Tenant, id: number): TimeRecord {
  const record = findRecord(t, id)
  record.quarantined = false
  record.modifiedAt = t.now()
  return record
}

export interface ApproveInput {
  level: ApprovalLevel
  from: string
  to: string
  personIds?: number[]
  approvedBy?: string
}

/**
 * Approves every (employee, day) with time in the range at `level` and the levels below it. Lower
 * approvals of a signed-off day are locked: asking for them again is a 409, as is any approval in a
 * closed period other than sign-off.
 */
export function approve(t: Tenant, input: ApproveInput) {
  if (!isDate(input.from) || !isDate(input.to)) throw badRequest('from and to must be YYYY-MM-DD.')
  const wanted = APPROVAL_LEVELS.slice(0, APPROVAL_LEVELS.indexOf(input.level) + 1)
  const days = new Map<string, { personId: number; workDate: string }>()
  for (const r of t.data.timeRecords) {
    if (r.workDate < input.from || r.workDate > input.to || (input.personIds && !input.personIds.includes(r.personId))) continue
    days.set(`${r.personId}|${r.workDate}`, { personId: r.personId, workDate: r.workDate })
  }
  let added = 0
  for (const { personId, workDate } of days.values()) {
    const existing = approvalsOf(t, personId, workDate)
    if (input.level !== 'SignOff' && existing.some((a) => a.level === 'SignOff')) throw locked(`Time for employee ${personId} on ${workDate} is signed off; lower approvals are locked.`)
    for (const level of wanted) {
      if (existing.some((a) => a.level === level)) continue
      t.data.approvals.push({ id: t.data.nextId.approval++, personId, workDate, level, approvedBy: input.approvedBy ?? 'supervisor@example.test', approvedAt: t.now() })
      added++
    }
  }
  return { days: days.size, approvalsAdded: added }
}

export function setPeriodClosed(t: Tenant, id: number, closed: boolean): PayPeriod {
  const period = t.data.payPeriods.find((p) => p.id === id)
  if (!period) throw notFound(`Pay period ${id} does not exist.`)
  period.closed = closed
  return period
}
