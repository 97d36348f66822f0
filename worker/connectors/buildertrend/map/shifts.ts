/**
 * Time clock shifts → time entries. Minutes become seconds; local offset-less stamps become UTC in the
 * company zone; a shift still clocked in or not yet approved is provisional; a General shift keeps a null
 * job; a shift with several cost codes becomes one entry per code (`<shiftId>:<codeId>`), its time, overtime
 * and cost split by the codes' minutes so the parts add up to the shift (buildertrend.md §6).
 * @module
 */
import type { CanonicalRow } from '../../../sync/connector'
import { localToUtcIso } from '../../../util/zoned-time'
import type { BtShiftRow } from '../types'
import { moneyToCents, splitByWeights } from '../units'

export const workDateOf = (s: BtShiftRow) => (s.date?.date ?? s.timeIn?.timeStamp ?? '').slice(0, 10)

/** `"$42.00"` → 4200; anything unreadable → null. */
export function rateToCents(rate: string | null | undefined): number | null {
  if (!rate) return null
  const cents = moneyToCents(rate)
  return cents !== null && cents > 0 ? cents : null
}

const instants = (s: BtShiftRow, zone: string) => {
  const start = s.timeIn?.timeStamp ? Date.parse(localToUtcIso(s.timeIn.timeStamp, zone)) : null
  const end = s.timeOut?.timeStamp ? Date.parse(localToUtcIso(s.timeOut.timeStamp, zone)) : null
  return { start, end }
}

export function mapShift(s: BtShiftRow, zone: string): CanonicalRow[] {
  const codes = s.costCodes ?? []
  const pieces = Math.max(1, codes.length)
  const weights = codes.length > 1 ? codes.map((c) => c.totalMinutes ?? 0) : [1]
  const jobId = s.jobId && s.jobId > 0 ? String(s.jobId) : null
  const duration = splitByWeights(Math.round((s.totalWorkTime ?? 0) * 60), weights)
  const overtime = splitByWeights(Math.round((s.overTime ?? 0) * 60), weights)
  const doubleTime = splitByWeights(Math.round((s.doubleOverTime ?? 0) * 60), weights)
  const cost = moneyToCents(s.builderCost)
  const costs = cost === null ? null : splitByWeights(cost, weights)
  const { start, end } = instants(s, zone)
  // Pieces get consecutive slices of the clocked span, in proportion to their minutes.
  const bounds = start !== null && end !== null ? [0, ...splitByWeights(end - start, weights)].map((_, i, all) => start + all.slice(0, i + 1).reduce((a, b) => a + b, 0)) : null
  const approved = s.approvalStatus?.isApproved === true && s.timeOut !== null
  return Array.from({ length: pieces }, (_, i) => ({
    externalId: codes.length > 1 ? `${s.id}:${codes[i]!.id}` : String(s.id),
    workerExternalId: String(s.userID),
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
