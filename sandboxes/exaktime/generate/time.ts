/**
 * Seeded time cards: weekdays (and some Saturdays) per employee, split over one or two records, with the
 * day's hours bucketed REG (first 8 h), OT1 (8–12 h) and OT2 (beyond 12 h). Weekly pay periods (Monday to
 * Sunday) with the approval states a real company shows:
 *
 * - weeks before last week: closed, signed off (a few days lack the sign-off: the closed period makes
 *   them final anyway), plus a late record or two sitting in quarantine;
 * - last week: employee and supervisor approved, not signed off, period still open;
 * - this week: some days employee-approved, nothing else, open.
 * @module
 */
import type { Rng } from '../../shared/prng'
import { addDays, mondayOf, wallToEpoch, weekdayOf } from '../tenant/dates'
import type { ApprovalLevel, CostCode, DayApproval, Employee, Job, Location, PayPeriod, TimeRecord } from '../tenant/types'

export interface TimeInput {
  employees: Employee[]
  locations: Location[]
  leafJobs: Map<number, Job[]> | null
  costCodes: CostCode[]
  firstDay: string
  /** Today, company-local; history ends the day before. */
  today: string
  timeZone: string
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`

/** Splits a day's worked hours, in order, into REG/OT1/OT2 for each of its records. */
export function bucketHours(startHours: number, hours: number) {
  const take = (from: number, to: number) => Math.max(0, Math.min(startHours + hours, to) - Math.max(startHours, from))
  return { regularHours: take(0, 8), ot1Hours: take(8, 12), ot2Hours: take(12, Infinity) }
}

export function generatePayPeriods(firstDay: string, today: string): PayPeriod[] {
  const current = mondayOf(today)
  const periods: PayPeriod[] = []
  for (let start = mondayOf(firstDay), id = 1; start <= current; start = addDays(start, 7), id++) {
    periods.push({ id, startDate: start, endDate: addDays(start, 6), closed: start < addDays(current, -7) })
  }
  return periods
}

export const periodOf = (periods: PayPeriod[], workDate: string) => periods.find((p) => p.startDate <= workDate && workDate <= p.endDate)

export function generateTime(rng: Rng, input: TimeInput, periods: PayPeriod[]) {
  const records: TimeRecord[] = []
  const approvals: DayApproval[] = []
  const codes = input.costCodes.filter((c) => c.display_option === 'default')
  const lastWeek = addDays(mondayOf(input.today), -7)
  let recordId = 100001
  let approvalId = 1
  const approve = (personId: number, workDate: string, level: ApprovalLevel, at: number) =>
    approvals.push({ id: approvalId++, personId, workDate, level, approvedBy: level === 'Employee' ? 'self' : 'supervisor@example.test', approvedAt: at })
  if (!input.locations.length) return { records, approvals, nextRecordId: recordId, nextApprovalId: approvalId }

  for (let day = input.firstDay; day < input.today; day = addDays(day, 1)) {
    const weekday = weekdayOf(day)
    const period = periodOf(periods, day)!
    for (const [i, employee] of input.employees.entries()) {
      if (employee.termination_date && day > employee.termination_date) continue
      if (weekday === 6 || (weekday === 5 && !rng.chance(0.2))) continue
      const hours = rng.chance(0.03) ? 12.5 : Math.round(rng.between(6, 10.5) * 4) / 4
      const split = rng.chance(0.3) ? Math.round(hours * 0.5 * 4) / 4 : hours
      let startMinutes = 6 * 60 + rng.int(0, 6) * 15
      let worked = 0
      for (const part of split === hours ? [hours] : [split, hours - split]) {
        const location = input.locations[(i + rng.int(0, 1)) % input.locations.length]!
        const jobs = input.leafJobs?.get(location.id)
        const timeIn = `${day}T${hhmm(startMinutes)}`
        const timeOut = `${day}T${hhmm(startMinutes + part * 60)}`
        const created = wallToEpoch(timeOut, input.timeZone)
        records.push({
          id: recordId++,
          personId: employee.person_id,
          locationId: location.id,
          jobId: jobs ? rng.pick(jobs).id : null,
          costCodeId: rng.pick(codes).id,
          workDate: day,
          timeIn,
          timeOut,
          ...bucketHours(worked, part),
          payPeriodId: period.id,
          quarantined: false,
          createdAt: created,
          modifiedAt: created,
        })
        worked += part
        startMinutes += part * 60 + 30
      }
      const approvedAt = wallToEpoch(`${addDays(period.endDate, 1)}T09:00:00`, input.timeZone)
      if (day < lastWeek) {
        approve(employee.person_id, day, 'Employee', approvedAt)
        approve(employee.person_id, day, 'Supervisor', approvedAt)
        if (!rng.chance(0.1)) approve(employee.person_id, day, 'SignOff', approvedAt)
      } else if (day < mondayOf(input.today)) {
        approve(employee.person_id, day, 'Employee', approvedAt)
        approve(employee.person_id, day, 'Supervisor', approvedAt)
      } else if (rng.chance(0.5)) {
        approve(employee.person_id, day, 'Employee', wallToEpoch(`${day}T18:00:00`, input.timeZone))
      }
    }
  }
  // Late punches synced from a clock after their (now closed) week was approved.
  const closedRecords = records.filter((r) => periods.find((p) => p.id === r.payPeriodId)?.closed)
  for (let n = 0; n < Math.ceil(input.employees.length / 8) && closedRecords.length; n++) {
    const original = rng.pick(closedRecords)
    const timeIn = `${original.workDate}T19:00:00`
    const late = wallToEpoch(`${addDays(original.workDate, 9)}T08:00:00`, input.timeZone)
    records.push({ ...original, id: recordId++, timeIn, timeOut: `${original.workDate}T20:00:00`, regularHours: 1, ot1Hours: 0, ot2Hours: 0, quarantined: true, createdAt: late, modifiedAt: late })
  }
  return { records, approvals, nextRecordId: recordId, nextApprovalId: approvalId }
}
