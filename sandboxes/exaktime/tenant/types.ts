/**
 * The sandbox's live ExakTime/Arcoro records. REST answers in snake_case (as the public wrappers show it);
 * the OData warehouse projects the same records into PascalCase `Dw*` rows (`warehouse.ts`).
 * @module
 */

export type ApprovalLevel = 'Employee' | 'Supervisor' | 'SignOff'
export const APPROVAL_LEVELS: readonly ApprovalLevel[] = ['Employee', 'Supervisor', 'SignOff']

export interface PayRate {
  rate_code: string
  amount: number
  effective_date: string
  is_base_rate: boolean
}

export interface Employee {
  person_id: number
  employee_id: string
  first_name: string
  last_name: string
  email: string | null
  job_title: string | null
  department: string | null
  is_active: boolean
  hire_date: string
  termination_date: string | null
  pay_rates: PayRate[]
}

export interface Location {
  id: number
  name: string
  code: string
  address: { line1: string; city: string; state: string; postal_code: string }
  latitude: number
  longitude: number
  is_active: boolean
  used_for_time_and_attendance: boolean
}

export interface Job {
  id: number
  identifier: string
  name: string
  is_active: boolean
  start_date: string | null
  end_date: string | null
  department: string | null
  parent_job_id: number | null
  location_ids: number[]
  all_locations: boolean
  is_certified: boolean
}

export interface CostCode {
  id: number
  identifier: string
  name: string
  is_active: boolean
  cost_type_id: number | null
  /** `system` codes (the built-in In and Out) are hidden from pickers. */
  display_option: 'default' | 'system'
}

export interface TimeRecord {
  id: number
  personId: number
  locationId: number
  jobId: number | null
  costCodeId: number
  workDate: string
  /** Company-local wall-clock time, `YYYY-MM-DDTHH:mm:ss`. */
  timeIn: string
  timeOut: string
  regularHours: number
  ot1Hours: number
  ot2Hours: number
  payPeriodId: number
  /** Arrived after its day was approved or its period closed: waits in "Quarantined Time". */
  quarantined: boolean
  /** Sandbox instants (epoch ms): when the record was entered and last changed. */
  createdAt: number
  modifiedAt: number
}

export interface DayApproval {
  id: number
  personId: number
  workDate: string
  level: ApprovalLevel
  approvedBy: string
  approvedAt: number
}

export interface PayPeriod {
  id: number
  startDate: string
  endDate: string
  closed: boolean
}

export interface TenantData {
  employees: Employee[]
  locations: Location[]
  jobs: Job[]
  costCodes: CostCode[]
  timeRecords: TimeRecord[]
  approvals: DayApproval[]
  payPeriods: PayPeriod[]
  nextId: { timeRecord: number; approval: number; job: number; costCode: number }
}
