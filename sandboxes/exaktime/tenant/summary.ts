/**
 * The sandbox's own answer to "which time is final?" (docs/vendors/exaktime.md §4, product decision): signed off (or,
 * per company, supervisor-approved) or in a closed pay period, and not sitting in quarantine. Tests compare
 * what a sync imported with this.
 * @module
 */
import type { TenantData } from './types'

export function timeSummary(data: TenantData, level: 'supervisor' | 'sign_off', from = '0000-01-01') {
  const accepted = new Set(level === 'sign_off' ? ['SignOff'] : ['Supervisor', 'SignOff'])
  const approvedDays = new Set(data.approvals.filter((a) => accepted.has(a.level)).map((a) => `${a.personId}|${a.workDate}`))
  const closed = new Set(data.payPeriods.filter((p) => p.closed).map((p) => p.id))
  const finalIds: number[] = []
  let waiting = 0
  let quarantined = 0
  let total = 0
  for (const r of data.timeRecords) {
    if (r.workDate < from) continue
    total++
    if (r.quarantined) quarantined++
    else if (closed.has(r.payPeriodId) || approvedDays.has(`${r.personId}|${r.workDate}`)) finalIds.push(r.id)
    else waiting++
  }
  return { total, final: finalIds.length, waiting, quarantined, finalIds }
}
