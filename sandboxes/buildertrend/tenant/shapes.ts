/**
 * Buildertrend's JSON shapes as the sandbox serves them (docs/vendors/buildertrend.md §5–§7), quirks included: integer
 * minutes, offset-less local timestamps, `"$42.00"` rates, `{value, scale}` money, three contract price forms.
 * @module
 */

export interface BtJob {
  jobId: number
  jobName: string
  /** 0 closed, 1 open, 3 active, 4 presale. */
  status: number
  /** Sometimes contradicts `status`; clients are told to trust `status`. */
  isClosed: boolean
  dateOpened: string | null
  projectedStartDate: string | null
  actualStartDate: string | null
  projectedClosingDate: string | null
  /** Served by `/api/Jobsites/{id}` only, as a number, `{ value }` or a string like `"$1,234"`. */
  contractPrice: number | { value: number } | string | null
}

export interface BtStamp {
  /** Local wall-clock time, no offset. */
  timeStamp: string
  location: { latitude: number; longitude: number } | null
  outOfBounds: boolean
  canClockOut: boolean
  /** 0 for General (BOS-RAW), while the row's own `jobId` is null. */
  jobId: number
  builderId: number
  id: number
  showDate: boolean
}

export interface BtShiftCostCode {
  id: number
  costCodeTitle: string
  /** May be fractional. */
  totalMinutes: number
  useDecimal: boolean
}

export interface BtShift {
  id: number
  builderId: number
  userID: number
  name: string
  jobId: number | null
  jobName: string
  /** The clock-in stamp, not midnight, with the ids of the row (BOS-RAW, docs/vendors/buildertrend.md §16.7). */
  date: { date: string; builderId: number; jobId: number; id: number }
  timeIn: BtStamp
  /** null while the worker is clocked in. */
  timeOut: BtStamp | null
  breakTime: { id: number; breakTime: number; useDecimal: boolean; autoEndBreaks: boolean; isOnBreak: boolean; canEndBreak: boolean }
  regularTime: number
  overTime: number
  doubleOverTime: number
  personalTimeOff: number
  /** 0 with the web app's column selection (BOS-RAW, 72 of 72 rows): `regularTime` carries the minutes. */
  totalWorkTime: number
  /** Unapproved: `updatedDate: null`, `updatedById: 0`, `updatedByName: ""`. */
  approvalStatus: { isApproved: boolean; updatedDate: string | null; updatedById: number; updatedByName: string }
  builderCost: { value: number; scale: number }
  rate: string | null
  billableRate: string | null
  billableAmount: { value: number; scale: number } | null
  costCodes: BtShiftCostCode[]
  tags: string[]
  notes: string
  createdBy: { id: number; displayName: string }
  edited: null
  accounting: null
  gustoSyncStatus: number
  createdDate: null
}

export interface BtBudget {
  jobId: number
  totalValues: { originalBudgetCosts: number }
  costCategories: Array<{ title: string; costCodes: Array<{ id: number; title: string; originalBudgetCosts: number }> }>
}

export interface BtWorksheetLine {
  id: number
  /** 10 cost line, 7 allowance, 5 client selection. */
  lineItemType: number
  itemTitle: string
  costCodeTitle: string
  description: string
  unit: string
  quantity: number
  unitCost: number
  builderCost: number
  markupPercent: number
  ownerPrice: number
  internalNotes: string | null
}

export interface BtWorksheet {
  worksheetLocked: boolean
  lockedByName: string | null
  lockedByDate: string | null
  formatData: Array<{ title: string; lineItems: BtWorksheetLine[]; subGroups: Array<{ title: string; lineItems: BtWorksheetLine[] }> }>
}

export const FLAT_RATE_CODE = { id: 9999, title: 'Buildertrend Flat Rate' } as const
