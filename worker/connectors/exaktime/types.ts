/**
 * ExakTime/Arcoro shapes as the adapter reads them, and the one place that says which names are evidence and which
 * are *assumed* (docs/vendors/exaktime.md §11, §12). Arcoro publishes no schema we could generate from (the real one is
 * `https://api.arcoro.com/odata/$metadata`, readable only with a key), so every field is read defensively.
 * @module
 */

/**
 * REST paging (§13 C7, *assumed*): `page`, `page_size` and `next_page` are the usefulapi wrapper's tool parameters
 * (§12.4), not shown to be Arcoro's own names; Arcoro only says its lists have "pagination" (§12.2). `total_count`
 * is in no source: it is read when present and never required.
 */
export const REST_PAGING = { page: 'page', pageSize: 'page_size', nextPage: 'next_page', totalCount: 'total_count' } as const

/**
 * Warehouse entity sets. `DwWorkDateTimeApprovals` and `DwPayPeriods` are *documented* / wrapper-named (§12.4).
 * `DwTimeRecords` is an *inference* (§12.5 item 2): Unified.to reads attendance from the object `dwtimerecord`, and
 * its three other objects map one-to-one onto documented sets (`dwuser` → `DwUsers`, `dwcostcode` → `DwCostCodes`,
 * `dwlocation` → `DwLocations`). We read it rather than a named set because it is the only candidate at the grain a
 * time entry needs (one record per employee, day, job and cost code, with hours): `DwTimePunches` are raw clock
 * punches that would need pairing into shifts, and `DwTimeRecordByHourGroups` is, by its name, the same records
 * split by hour group. The account check reads it too, so a wrong guess fails at connect time, by name.
 */
export const DW_SETS = { time: 'DwTimeRecords', approvals: 'DwWorkDateTimeApprovals', payPeriods: 'DwPayPeriods' } as const

/**
 * Warehouse field names the adapter filters and orders by: every one *assumed* (§13 C6; no source names them). We
 * `$select` none of them — whole rows are read — so an assumed name can break only a `$filter`/`$orderby`, and the
 * names live here alone. The concepts are documented: per-day approvals by employee and approval type, pay periods
 * with start/end and closed/open (§12.4), REG/OT1/OT2 hours and Quarantined Time (§4).
 */
export const DW_FIELDS = {
  time: { id: 'TimeRecordId', workDate: 'WorkDate' },
  approvals: { id: 'ApprovalId', workDate: 'WorkDate', type: 'ApprovalType' },
  payPeriods: { id: 'PayPeriodId', start: 'StartDate', end: 'EndDate' },
} as const

/** REST list envelope (names: REST_PAGING, *assumed*): `page` from 1, `next_page` null on the last page. */
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

/** A `DwTimeRecords` row (set inferred, every field *assumed*: see DW_SETS). `TimeIn`/`TimeOut` are company-local wall-clock times. */
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

/** A `DwWorkDateTimeApprovals` row (set documented; field names and values `SignOff`/`Supervisor` *assumed*). */
export interface DwApproval {
  UserId: number | null
  WorkDate: string
  ApprovalType: string
}

/** A `DwPayPeriods` row (set documented; field names *assumed*). */
export interface DwPayPeriod {
  PayPeriodId: number
  StartDate: string
  EndDate: string
  IsClosed: boolean
}
