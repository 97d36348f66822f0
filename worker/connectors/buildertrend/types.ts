/**
 * The parts of Buildertrend's internal JSON the adapter reads (docs/vendors/buildertrend.md §3–§7). Loosely typed on
 * purpose: these endpoints are undocumented and fields come in several shapes.
 * @module
 */

export interface BtEnvelope<T> {
  success: boolean
  message: string | null
  needsToRelogin: boolean
  data: T
}

export type BtMoney = number | string | { value: number; scale?: number } | null | undefined

/** Minutes and quantities: numbers, but now and then a numeric string ("480"). */
export type BtNumber = number | string | null

export interface BtPickerJob {
  jobId: number | null
  jobName: string | null
  status: number | null
  isClosed: boolean | null
  dateOpened?: string | null
  projectedStartDate?: string | null
  actualStartDate?: string | null
  projectedClosingDate?: string | null
}

export interface BtShiftRow {
  id: number
  userID: number | null
  name: string | null
  jobId: number | null
  jobName: string | null
  date: { date: string } | null
  timeIn: { timeStamp: string } | null
  timeOut: { timeStamp: string } | null
  regularTime: BtNumber
  overTime: BtNumber
  doubleOverTime: BtNumber
  totalWorkTime: BtNumber
  approvalStatus: { isApproved: boolean } | null
  builderCost: BtMoney
  rate: string | null
  costCodes: Array<{ id: number; costCodeTitle: string | null; totalMinutes: BtNumber }> | null
}

export interface BtGridPage<Row> {
  data: Row[]
  records: number
  totalPages: number
  page: number
}

export interface BtBudgetResponse {
  costCategories?: Array<{ title?: string; costCodes?: Array<{ id: number; title: string | null; originalBudgetCosts: BtMoney }> }>
}

export interface BtWorksheetLine {
  lineItemType: number
  costCodeTitle: string | null
  unit: string | null
  quantity: BtNumber
  builderCost: BtMoney
}

export interface BtWorksheetGroup {
  lineItems?: BtWorksheetLine[]
  subGroups?: BtWorksheetGroup[]
}

export interface BtWorksheet {
  formatData?: BtWorksheetGroup[]
}
