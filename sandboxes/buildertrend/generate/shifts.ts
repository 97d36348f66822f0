/**
 * Time clock shifts: weekday shifts per user on open jobs or "General", integer minutes with overtime and
 * double overtime, one or several cost codes (fractional minutes when several, "Buildertrend Flat Rate" when
 * none was chosen), unapproved recent time and shifts still clocked in today.
 * @module
 */
import { type BtJob, type BtShift, type BtShiftCostCode, FLAT_RATE_CODE } from '../tenant/shapes'
import { COST_CODES } from './catalog'
import { addDays, stampAt, weekday } from './dates'
import type { Rng } from '../../shared/prng'

export interface BtUser {
  id: number
  name: string
  /** Dollars per hour. */
  rate: number
}

export const rateString = (dollars: number) => `$${dollars.toFixed(2)}`
export const money = (dollars: number) => ({ value: Math.round(dollars * 100) / 100, scale: 2 })

function costCodesFor(rng: Rng, worked: number): BtShiftCostCode[] {
  const roll = rng.next()
  // A single code's minutes are fractional even alone: 487.998 for 488 (BOS-RAW).
  const alone = Math.round((worked + (rng.chance(0.5) ? 0.002 : -0.002)) * 1000) / 1000
  if (roll < 0.12) return [{ id: FLAT_RATE_CODE.id, costCodeTitle: FLAT_RATE_CODE.title, totalMinutes: alone, useDecimal: false }]
  const first = rng.pick(COST_CODES)
  if (roll < 0.32 && worked > 60) {
    const second = COST_CODES.find((c) => c.id !== first.id)!
    const part = Math.round(worked * rng.next() * 0.8 * 10) / 10 + 15.5
    return [
      { id: first.id, costCodeTitle: first.title, totalMinutes: part, useDecimal: true },
      { id: second.id, costCodeTitle: second.title, totalMinutes: Math.round((worked - part) * 10) / 10, useDecimal: true },
    ]
  }
  return [{ id: first.id, costCodeTitle: first.title, totalMinutes: alone, useDecimal: false }]
}

export interface ShiftInput {
  id: number
  builderId: number
  user: BtUser
  job: BtJob | null
  date: string
  /** Minutes after local midnight. */
  inAt: number
  /** Minutes on the clock, breaks included; null = still clocked in. */
  span: number | null
  breakMinutes: number
  approved: boolean
  codes: BtShiftCostCode[]
}

export function buildShift(s: ShiftInput): BtShift {
  const worked = s.span === null ? 0 : Math.max(0, s.span - s.breakMinutes)
  const double = Math.max(0, worked - 720)
  const over = Math.max(0, worked - 480) - double
  // Row shapes follow BOS-RAW (docs/vendors/buildertrend.md §16.7): General is `jobId: null` on the row, 0 inside it.
  const innerJobId = s.job?.jobId ?? 0
  const stamp = (minutes: number, id: number) => ({ builderId: s.builderId, jobId: innerJobId, id, timeStamp: stampAt(s.date, minutes), location: { latitude: 39.1, longitude: -94.5 }, outOfBounds: false, canClockOut: s.span === null, showDate: false })
  return {
    id: s.id,
    builderId: s.builderId,
    userID: s.user.id,
    name: s.user.name,
    jobId: s.job?.jobId ?? null,
    jobName: s.job?.jobName ?? 'General',
    date: { date: stampAt(s.date, s.inAt), builderId: s.builderId, jobId: innerJobId, id: s.id },
    timeIn: stamp(s.inAt, s.id * 2),
    timeOut: s.span === null ? null : stamp(s.inAt + s.span, s.id * 2 + 1),
    breakTime: { id: s.id, breakTime: s.span === null ? 0 : s.breakMinutes, useDecimal: false, autoEndBreaks: true, isOnBreak: false, canEndBreak: false },
    regularTime: worked - over - double,
    overTime: over,
    doubleOverTime: double,
    personalTimeOff: 0,
    totalWorkTime: 0,
    approvalStatus: s.approved ? { isApproved: true, updatedDate: `${s.date}T18:00:00`, updatedById: 1, updatedByName: 'Office Admin' } : { isApproved: false, updatedDate: null, updatedById: 0, updatedByName: '' },
    builderCost: money((worked / 60) * s.user.rate),
    rate: rateString(s.user.rate),
    billableRate: null,
    billableAmount: null,
    costCodes: s.codes.length ? s.codes.map((c) => ({ ...c, totalMinutes: s.span === null ? 0 : c.totalMinutes })) : [],
    tags: [],
    notes: '',
    createdBy: { id: s.user.id, displayName: s.user.name },
    edited: null,
    accounting: null,
    gustoSyncStatus: 0,
    createdDate: null,
  }
}

export function generateShifts(rng: Rng, o: { builderId: number; users: BtUser[]; jobs: BtJob[]; today: string; days: number; nowMinutes: number; firstId: number }): BtShift[] {
  const shifts: BtShift[] = []
  const working = o.jobs.filter((j) => j.status !== 4)
  if (!o.users.length) return shifts
  for (let d = o.days; d >= 0; d--) {
    const date = addDays(o.today, -d)
    const dow = weekday(date)
    if (dow === 0 || (dow === 6 && !rng.chance(0.2))) continue
    for (const user of o.users) {
      if (!rng.chance(0.75)) continue
      const inAt = rng.int(390, 480)
      if (d === 0 && inAt > o.nowMinutes) continue
      const job = !working.length || rng.chance(0.08) ? null : rng.pick(working)
      const full = rng.int(420, 780)
      // Today's shifts that would end after now are still clocked in.
      const span = d === 0 && inAt + full > o.nowMinutes ? null : full
      const worked = span === null ? 0 : span - 30
      const approved = span !== null && (d > 6 ? rng.chance(0.9) : rng.chance(0.2))
      shifts.push(buildShift({ id: o.firstId + shifts.length, builderId: o.builderId, user, job, date, inAt, span, breakMinutes: 30, approved, codes: costCodesFor(rng, worked) }))
    }
  }
  return shifts
}
