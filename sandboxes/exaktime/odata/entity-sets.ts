/**
 * The warehouse entity sets the sandbox serves, projected from a snapshot of the company's data. Names
 * follow Arcoro's entity-set list (docs/vendors/exaktime.md §2.2); field names are *unverified* guesses, and
 * `DwTimeRecords` itself is unverified (Unified.to reads a `dwtimerecord` object). Every row carries
 * `DwLoadedAt`, the instant of the refresh that loaded it (a sandbox stand-in for an ETL load stamp).
 * @module
 */
import type { TenantData } from '../tenant/types'

export type FieldKind = 'int' | 'number' | 'string' | 'boolean' | 'date' | 'datetime' | 'local'
export type DwRow = Record<string, string | number | boolean | null>

export interface EntitySet {
  key: string
  fields: Record<string, FieldKind>
  rows(data: TenantData, loadedAt: string): DwRow[]
}

const iso = (ms: number) => new Date(ms).toISOString()
const name = (e: { first_name: string; last_name: string }) => `${e.first_name} ${e.last_name}`

export const ENTITY_SETS: Record<string, EntitySet> = {
  DwTimeRecords: {
    key: 'TimeRecordId',
    fields: {
      TimeRecordId: 'int', UserId: 'int', LocationId: 'int', JobId: 'int', CostCodeId: 'int', WorkDate: 'date', TimeIn: 'local', TimeOut: 'local',
      RegularHours: 'number', OT1Hours: 'number', OT2Hours: 'number', PayPeriodId: 'int', IsQuarantined: 'boolean', LastModified: 'datetime', DwLoadedAt: 'datetime',
    },
    rows: (d, loadedAt) =>
      d.timeRecords.map((r) => ({
        TimeRecordId: r.id, UserId: r.personId, LocationId: r.locationId, JobId: r.jobId, CostCodeId: r.costCodeId, WorkDate: r.workDate, TimeIn: r.timeIn, TimeOut: r.timeOut,
        RegularHours: r.regularHours, OT1Hours: r.ot1Hours, OT2Hours: r.ot2Hours, PayPeriodId: r.payPeriodId, IsQuarantined: r.quarantined, LastModified: iso(r.modifiedAt), DwLoadedAt: loadedAt,
      })),
  },
  DwWorkDateTimeApprovals: {
    key: 'ApprovalId',
    fields: { ApprovalId: 'int', UserId: 'int', WorkDate: 'date', ApprovalType: 'string', ApprovedBy: 'string', ApprovedAt: 'datetime', DwLoadedAt: 'datetime' },
    rows: (d, loadedAt) =>
      d.approvals.map((a) => ({ ApprovalId: a.id, UserId: a.personId, WorkDate: a.workDate, ApprovalType: a.level, ApprovedBy: a.approvedBy, ApprovedAt: iso(a.approvedAt), DwLoadedAt: loadedAt })),
  },
  DwPayPeriods: {
    key: 'PayPeriodId',
    fields: { PayPeriodId: 'int', StartDate: 'date', EndDate: 'date', IsClosed: 'boolean', PayPeriodType: 'string', DwLoadedAt: 'datetime' },
    rows: (d, loadedAt) => d.payPeriods.map((p) => ({ PayPeriodId: p.id, StartDate: p.startDate, EndDate: p.endDate, IsClosed: p.closed, PayPeriodType: 'Weekly', DwLoadedAt: loadedAt })),
  },
  DwUsers: {
    key: 'UserId',
    fields: { UserId: 'int', EmployeeNumber: 'string', FirstName: 'string', LastName: 'string', FullName: 'string', Email: 'string', IsActive: 'boolean', DwLoadedAt: 'datetime' },
    rows: (d, loadedAt) =>
      d.employees.map((e) => ({ UserId: e.person_id, EmployeeNumber: e.employee_id, FirstName: e.first_name, LastName: e.last_name, FullName: name(e), Email: e.email, IsActive: e.is_active, DwLoadedAt: loadedAt })),
  },
  DwCostCodes: {
    key: 'CostCodeId',
    fields: { CostCodeId: 'int', Code: 'string', Name: 'string', IsActive: 'boolean', DwLoadedAt: 'datetime' },
    rows: (d, loadedAt) => d.costCodes.map((c) => ({ CostCodeId: c.id, Code: c.identifier, Name: c.name, IsActive: c.is_active, DwLoadedAt: loadedAt })),
  },
  DwLocations: {
    key: 'LocationId',
    fields: { LocationId: 'int', Name: 'string', Code: 'string', Address: 'string', Latitude: 'number', Longitude: 'number', IsActive: 'boolean', DwLoadedAt: 'datetime' },
    rows: (d, loadedAt) =>
      d.locations.map((l) => ({
        LocationId: l.id, Name: l.name, Code: l.code, Address: `${l.address.line1}, ${l.address.city}, ${l.address.state} ${l.address.postal_code}`,
        Latitude: l.latitude, Longitude: l.longitude, IsActive: l.is_active, DwLoadedAt: loadedAt,
      })),
  },
}
