/**
 * A warehouse time record → a time entry. Hours stay in their buckets: `duration_seconds` is all worked
 * time (REG + OT1 + OT2, as ProPay reads it), `overtime_seconds` is OT1 and `double_time_seconds` OT2, so
 * REG is the duration minus both. Clock times are company-local and become UTC instants.
 * @module
 */
import type { CanonicalRow } from '../../../sync/connector'
import { tryLocalToUtcIso } from '../../../util/zoned-time'
import type { ExakTimeSettings } from '../settings'
import type { DwTimeRecord } from '../types'
import { hoursToSeconds } from '../units'
import { arcoroJobId, locationJobId } from './reference'


export function jobOfRecord(r: DwTimeRecord, jobSource: ExakTimeSettings['jobSource']): string | null {
  if (jobSource === 'job') return r.JobId === null || r.JobId === undefined ? null : arcoroJobId(r.JobId)
  return r.LocationId === null || r.LocationId === undefined ? null : locationJobId(r.LocationId)
}

export function mapTimeRecord(r: DwTimeRecord, opts: { jobSource: ExakTimeSettings['jobSource']; timeZone: string; final: boolean }): CanonicalRow<'timeEntries'> {
  const regular = hoursToSeconds(r.RegularHours)
  const overtime = hoursToSeconds(r.OT1Hours)
  const doubleTime = hoursToSeconds(r.OT2Hours)
  const job = jobOfRecord(r, opts.jobSource)
  return {
    externalId: String(r.TimeRecordId),
    vendorModified: r.LastModified ?? null,
    workerExternalId: r.UserId === null || r.UserId === undefined ? null : String(r.UserId),
    jobExternalId: job,
    milestoneExternalId: job,
    routeExternalId: null,
    crewLeaderExternalId: null,
    costCodeExternalId: r.CostCodeId === null || r.CostCodeId === undefined ? null : String(r.CostCodeId),
    workDate: r.WorkDate.slice(0, 10),
    startAt: tryLocalToUtcIso(r.TimeIn, opts.timeZone),
    endAt: tryLocalToUtcIso(r.TimeOut, opts.timeZone),
    durationSeconds: regular + overtime + doubleTime,
    overtimeSeconds: overtime,
    doubleTimeSeconds: doubleTime,
    hourlyCents: null,
    costCents: null,
    isDrive: false,
    approval: opts.final ? 'approved' : 'provisional',
  }
}
