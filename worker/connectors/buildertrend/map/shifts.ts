/**
 * Time clock shifts → time entries. Minutes become seconds; local offset-less stamps become UTC in the
 * company zone; a shift still clocked in or not yet approved is provisional; a General shift keeps a null
 * job; a shift with several cost codes becomes one entry per code (`<shiftId>:<codeId>`), its time, overtime
 * and cost split by the codes' minutes so the parts add up to the shift (docs/vendors/buildertrend.md §6).
 * @module
 */
import type { CanonicalRow } from '../../../sync/connector'
import { tryLocalToUtcIso } from '../../../util/zoned-time'
import type { BtShiftRow } from '../types'
import { looseNumber, moneyToCents, splitByWeights } from '../units'

export const workDateOf = (s: BtShiftRow) => (s.date?.date ?? s.timeIn?.timeStamp ?? '').slice(0, 10)

/** `"$42.00"` → 4200; anything unreadable → null. */
export function rateToCents(rate: string | null | undefined): number | null {
  if (!rate) return null
  const cents = moneyToCents(rate)
  return cents !== null && cents > 0 ? cents : null
}

/** Clock stamps as epoch ms; one that is not a real wall-clock time (`2026-13-45T25:61:00`) counts as absent. */
const instants = (s: BtShiftRow, zone: string) => {
  const at = (stamp: string | null | undefined) => {
    const iso = tryLocalToUtcIso(stamp, zone)
    return iso === null ? null : Date.parse(iso)
  }
  return { start: at(s.timeIn?.timeStamp), end: at(s.timeOut?.timeStamp) }
}

/** Minutes → whole seconds; unreadable minutes stay NaN so the value rules skip the entry and say why. */
const seconds = (minutes: BtShiftRow['regularTime']) => Math.round((looseNumber(minutes) ?? 0) * 60)

/**
 * Worked minutes are `regularTime` + `overTime` + `doubleOverTime`: `totalWorkTime` is 0 on every public row while
 * `regularTime` is clock-out − clock-in − break (BOS-RAW; BOS-TC l.323–324; docs/vendors/buildertrend.md §16.7).
 * Unreadable parts stay NaN, as for any minutes.
 */
const workedMinutes = (s: BtShiftRow) => {
  const part = (m: BtShiftRow['regularTime']) => (m === null || m === undefined || m === '' ? 0 : (looseNumber(m) ?? Number.NaN))
  return part(s.regularTime) + part(s.overTime) + part(s.doubleOverTime)
}

export function mapShift(s: BtShiftRow, zone: string): CanonicalRow<'timeEntries'>[] {
  const codes = s.costCodes ?? []
  const pieces = Math.max(1, codes.length)
  const weights = codes.length > 1 ? codes.map((c) => looseNumber(c.totalMinutes) ?? 0) : [1]
  const jobId = s.jobId && s.jobId > 0 ? String(s.jobId) : null
  const duration = splitByWeights(Math.round(workedMinutes(s) * 60), weights)
  const overtime = splitByWeights(seconds(s.overTime), weights)
  const doubleTime = splitByWeights(seconds(s.doubleOverTime), weights)
  const cost = moneyToCents(s.builderCost)
  const costs = cost === null ? null : splitByWeights(cost, weights)
  const { start, end } = instants(s, zone)
  // Pieces get consecutive slices of the clocked span, in proportion to their minutes.
  const bounds = start !== null && end !== null ? [0, ...splitByWeights(end - start, weights)].map((_, i, all) => start + all.slice(0, i + 1).reduce((a, b) => a + b, 0)) : null
  const approved = s.approvalStatus?.isApproved === true && s.timeOut !== null
  return Array.from({ length: pieces }, (_, i) => ({
    externalId: codes.length > 1 ? `${s.id}:${codes[i]!.id}` : String(s.id),
    workerExternalId: s.userID === null || s.userID === undefined ? null : String(s.userID),
    jobExternalId: jobId,
    milestoneExternalId: jobId,
    routeExternalId: null,
    crewLeaderExternalId: null,
    costCodeExternalId: codes[i] ? String(codes[i]!.id) : null,
    workDate: workDateOf(s),
    startAt: bounds ? new Date(bounds[i]!).toISOString() : start === null ? null : new Date(start).toISOString(),
    endAt: bounds ? new Date(bounds[i + 1]!).toISOString() : null,
    durationSeconds: duration[i]!,
    overtimeSeconds: overtime[i]!,
    doubleTimeSeconds: doubleTime[i]!,
    hourlyCents: rateToCents(s.rate),
    costCents: costs ? costs[i]! : null,
    isDrive: false,
    approval: approved ? 'approved' : 'provisional',
  }))
}
