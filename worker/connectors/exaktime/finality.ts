/**
 * When ExakTime time is final (docs/vendors/exaktime.md §4, product decision): approved at the company's chosen level
 * (sign-off, or supervisor and above) for that employee and day, or in a closed pay period. A record in
 * Quarantined Time arrived after its day was approved; it waits for a person whatever the day says.
 * @module
 */
import type { ExakTimeSettings } from './settings'
import type { DwApproval, DwPayPeriod, DwTimeRecord } from './types'

export type Finality = 'final' | 'waiting' | 'quarantined'

/** The `ApprovalType` values that make a day final at a level. */
export const acceptedApprovals = (level: ExakTimeSettings['approvalLevel']) => (level === 'sign_off' ? ['SignOff'] : ['Supervisor', 'SignOff'])

/** Whether a record lies in a closed pay period: by its period id, or by its date when it carries none. */
export function closedPeriodTest(periods: DwPayPeriod[]) {
  const closedPeriods = new Set(periods.filter((p) => p.IsClosed).map((p) => p.PayPeriodId))
  const closedRanges = periods.filter((p) => p.IsClosed).map((p) => [p.StartDate.slice(0, 10), p.EndDate.slice(0, 10)] as const)
  return (r: DwTimeRecord) =>
    r.PayPeriodId !== null && r.PayPeriodId !== undefined ? closedPeriods.has(r.PayPeriodId) : closedRanges.some(([from, to]) => from <= r.WorkDate && r.WorkDate <= to)
}

/**
 * Whether approvals could change a record's finality: quarantined time waits whatever they say, and time in a closed
 * pay period is final without them, so neither needs an approvals lookup.
 */
export const needsApprovals = (periods: DwPayPeriod[]) => {
  const inClosedPeriod = closedPeriodTest(periods)
  return (r: DwTimeRecord) => !r.IsQuarantined && !inClosedPeriod(r)
}

export function finalityJudge(level: ExakTimeSettings['approvalLevel'], approvals: DwApproval[], periods: DwPayPeriod[]) {
  const accepted = new Set(acceptedApprovals(level))
  const approvedDays = new Set(approvals.filter((a) => accepted.has(a.ApprovalType)).map((a) => `${a.UserId}|${a.WorkDate.slice(0, 10)}`))
  const inClosedPeriod = closedPeriodTest(periods)
  return (r: DwTimeRecord): Finality => {
    if (r.IsQuarantined) return 'quarantined'
    return inClosedPeriod(r) || approvedDays.has(`${r.UserId}|${r.WorkDate.slice(0, 10)}`) ? 'final' : 'waiting'
  }
}
