/**
 * ExakTime/Arcoro shapes as the adapter reads them. Arcoro publishes no schema we could generate from:
 * REST fields follow a public MCP wrapper, warehouse (`Dw*`) fields are guesses (docs/vendors/exaktime.md §2.2, §10),
 * so every field is read defensively.
 * @module
 */

/** REST list envelope: `page` from 1, `next_page` null on the last page (wrapper names, *unverified*). */
export interface RestPage<T> {
  data: T[]
  page: number
  page_size: number
  next_page: number | null
  total_count?: number
}

export interface ExEmployee {
  person_id: number
  employee_id: string | null
  first_name: string | null
  last_name: string | null
  email: string | null
  is_active: boolean | null
}

/** A number the REST side may also send as a numeric string (`"24.35"`); the fields are unverified. */
export type ExNumber = number | string | null

export interface ExPayRate {
  rate_code: string | null
  amount: ExNumber
  effective_date: string | null
  is_base_rate: boolean | null
}

export interface ExEmployment {
  employee_id: string | null
  hire_date: string | null
  termination_date: string | null
  status: string | null
  pay_rates: ExPayRate[] | null
}

export interface ExLocation {
  id: number
  name: string | null
  code: string | null
  is_active: boolean | null
}

export interface ExJob {
  id: number
  identifier: string | null
  name: string | null
  is_active: boolean | null
  start_date: string | null
  end_date: string | null
  parent_job_id: number | null
}

export interface ExCostCode {
  id: number
  identifier: string | null
  name: string | null
  is_active: boolean | null
}

/** `DwTimeRecords` (entity-set name *unverified*). `TimeIn`/`TimeOut` are company-local wall-clock times. */
export interface DwTimeRecord {
  TimeRecordId: number
  UserId: number | null
  LocationId: number | null
  JobId: number | null
  CostCodeId: number | null
  WorkDate: string
  TimeIn: string | null
  TimeOut: string | null
  RegularHours: ExNumber
  OT1Hours: ExNumber
  OT2Hours: ExNumber
  PayPeriodId: number | null
  IsQuarantined: boolean | null
  LastModified: string | null
}

export interface DwApproval {
  UserId: number | null
  WorkDate: string
  ApprovalType: string
}

export interface DwPayPeriod {
  PayPeriodId: number
  StartDate: string
  EndDate: string
  IsClosed: boolean
}
