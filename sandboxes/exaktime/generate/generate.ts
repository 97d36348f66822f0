/**
 * A tenant's data from its seed: the same seed, size, job source, zone and anchor date give the same rows.
 * @module
 */
import { createRng } from '../../shared/prng'
import { addDays } from '../tenant/dates'
import type { TenantData } from '../tenant/types'
import { generateCostCodes, generateEmployees, generateJobs, generateLocations, leafJobsByLocation } from './reference'
import { sizeSpec, type SizeInput } from './sizes'
import { makeHostile } from './hostile'
import { generatePayPeriods, generateTime } from './time'

export interface GenerateInput {
  seed: string
  size: SizeInput
  jobSource: 'location' | 'job'
  timeZone: string
  /** Company-local today. */
  today: string
  /** Mix hostile names, numbers as strings, absurd numbers, nulls and impossible dates in (hostile.ts). */
  hostile?: boolean
}

export function generateTenantData(input: GenerateInput): TenantData {
  const spec = sizeSpec(input.size)
  const rng = createRng(`${input.seed}|${JSON.stringify(spec)}|${input.jobSource}`)
  const firstDay = addDays(input.today, -spec.days)
  const employees = generateEmployees(rng, spec.employees, firstDay, addDays(input.today, -1))
  const locations = generateLocations(rng, spec.locations)
  const costCodes = generateCostCodes()
  const jobs = input.jobSource === 'job' ? generateJobs(locations, firstDay) : []
  const payPeriods = spec.days ? generatePayPeriods(firstDay, input.today) : []
  const time = generateTime(rng, { employees, locations, leafJobs: input.jobSource === 'job' ? leafJobsByLocation(jobs) : null, costCodes, firstDay, today: input.today, timeZone: input.timeZone }, payPeriods)
  const data: TenantData = {
    employees,
    locations,
    jobs,
    costCodes,
    timeRecords: time.records,
    approvals: time.approvals,
    payPeriods,
    nextId: { timeRecord: time.nextRecordId, approval: time.nextApprovalId, job: 501 + jobs.length, costCode: 11 + costCodes.length },
  }
  if (input.hostile) makeHostile(data, input.seed)
  return data
}
