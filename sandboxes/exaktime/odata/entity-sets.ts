/**
 * The warehouse entity sets the sandbox serves, projected from a snapshot of the company's data. Set names are
 * the ones the evidence gives (docs/vendors/exaktime.md §12.4, §12.5): `DwWorkDateTimeApprovals`, `DwPayPeriods`,
 * `DwUsers`, `DwCostCodes`, `DwLocations` are documented or wrapper-named; `DwTimeRecords` is inferred from
 * Unified.to's `dwtimerecord` (the adapter's types.ts DW_SETS argues it). Field names are *assumed* guesses
 * (§11.3), except `LastName`, `FirstName` and `IsActive` on `DwUsers` (the wrapper's examples). No row carries a
 * load stamp: no source shows one (§13 C4), and a property a set does not have is a 400, as in OData.
 * @module
 */
import type { TenantData } from '../tenant/types'

export type FieldKind = 'int' | 'number' | 'string' | 'boolean' | 'date' | 'datetime' | 'local'
export type DwRow = Record<string, string | number | boolean | null>

export interface EntitySet {
  key: string
  fields: Record<string, FieldKind>
  rows(data: TenantData): DwRow[]
}

const iso = (ms: number) => new Date(ms).toISOString()
const name = (e: { first_name: string; last_name: string }) => `${e.first_name} ${e.last_name}`

export const ENTITY_SETS: Record<string, EntitySet> = {
  DwTimeRecords: {
    key: 'TimeRecordId',
    fields: {
      TimeRecordId: 'int', UserId: 'int', LocationId: 'int', JobId: 'int', CostCodeId: 'int', WorkDate: 'date', TimeIn: 'local', TimeOut: 'local',
      RegularHours: 'number', OT1Hours: 'number', OT2Hours: 'number', PayPeriodId: 'int', IsQuarantined: 'boolean', LastModified: 'datetime',
    },
    rows: (d) =>
      d.timeRecords.map((r) => ({
        TimeRecordId: r.id, UserId: r.personId, LocationId: r.locationId, JobId: r.jobId, CostCodeId: r.costCodeId, WorkDate: r.workDate, TimeIn: r.timeIn, TimeOut: r.timeOut,
        RegularHours: r.regularHours, OT1Hours: r.ot1Hours, OT2Hours: r.ot2Hours, PayPeriodId: r.payPeriodId, IsQuarantined: r.quarantined, LastModified: iso(r.modifiedAt),
      })),
  },
  DwWorkDateTimeApprovals: {
    key: 'ApprovalId',
    fields: { ApprovalId: 'int', UserId: 'int', WorkDate: 'date', ApprovalType: 'string', ApprovedBy: 'string', ApprovedAt: 'datetime' },
    rows: (d) =>
      d.approvals.map((a) => ({ ApprovalId: a.id, UserId: a.personId, WorkDate: a.workDate, ApprovalType: a.level, ApprovedBy: a.approvedBy, ApprovedAt: iso(a.approvedAt) })),
  },
  DwPayPeriods: {
    key: 'PayPeriodId',
    fields: { PayPeriodId: 'int', StartDate: 'date', EndDate: 'date', IsClosed: 'boolean', PayPeriodType: 'string' },
    rows: (d) => d.payPeriods.map((p) => ({ PayPeriodId: p.id, StartDate: p.startDate, EndDate: p.endDate, IsClosed: p.closed, PayPeriodType: 'Weekly' })),
  },
  DwUsers: {
    key: 'UserId',
    fields: { UserId: 'int', EmployeeNumber: 'string', FirstName: 'string', LastName: 'string', FullName: 'string', Email: 'string', IsActive: 'boolean' },
    rows: (d) =>
      d.employees.map((e) => ({ UserId: e.person_id, EmployeeNumber: e.employee_id, FirstName: e.first_name, LastName: e.last_name, FullName: name(e), Email: e.email, IsActive: e.is_active })),
  },
  DwCostCodes: {
    key: 'CostCodeId',
    fields: { CostCodeId: 'int', Code: 'string', Name: 'string', IsActive: 'boolean' },
    rows: (d) => d.costCodes.map((c) => ({ CostCodeId: c.id, Code: c.identifier, Name: c.name, IsActive: c.is_active })),
  },
  DwLocations: {
    key: 'LocationId',
    fields: { LocationId: 'int', Name: 'string', Code: 'string', Address: 'string', Latitude: 'number', Longitude: 'number', IsActive: 'boolean' },
    rows: (d) =>
      d.locations.map((l) => ({
        LocationId: l.id, Name: l.name, Code: l.code, Address: `${l.address.line1}, ${l.address.city}, ${l.address.state} ${l.address.postal_code}`,
        Latitude: l.latitude, Longitude: l.longitude, IsActive: l.is_active,
      })),
  },
}
