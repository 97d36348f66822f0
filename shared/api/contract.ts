/**
 * The API contract: every endpoint's method, path, request schemas and response schema. The worker
 * validates with these schemas and the extension's client is typed from them, so the two cannot drift.
 * @module
 */
import type { z } from 'zod'
import { CreateUserRequest, LoginRequest, LoginResponse, LogoutResponse, MeResponse, Organization, User, UserList } from './auth'
import { ConnectionList, ConnectionView, CreateConnectionRequest, ForceSyncResponse, PageSyncRequest, PageSyncResponse, RunList, UpdateConnectionRequest } from './connections'
import { BonusSettingsView, UpdateBonusSettingsRequest } from './bonus-settings'
import { DiagnosticsView, SelectorMissReport, SelectorMissReportResponse } from './diagnostics'
import { EmployeeList, EmployeeListQuery } from './employees'
import { HealthResponse } from './health'
import { UpdateOrganizationRequest } from './organization'
import { JobDetail, JobList, JobListQuery, MilestoneBadges, MilestoneBadgesRequest, MilestoneLookup, MilestoneLookupQuery, ReviewQueue } from './jobs'
import { ApproveProPayRequest, CreateProPayRequest, ListProPaysQuery, ProPayDetail, ProPayList, UpdateProPayRequest } from './propays'
import {
  CreateStatementAdjustmentRequest,
  ExtendHoldRequest,
  HoldLineItemRequest,
  LineItemView,
  PayStatementRequest,
  PayrollCsv,
  PayrollExportQuery,
  StatementList,
  StatementListQuery,
  StatementView,
} from './statements'
import { ConflictList, CreateMaterialRequest, CreateTimeEntryRequest, PushRecordList, PushRecordView, TimeEntryList, TimeEntryQuery, UpdateMaterialRequest } from './push'

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface Endpoint {
  method: Method
  /** Hono-style path; `:name` segments are path parameters. */
  path: string
  /** Whether a bearer token is required. */
  auth: boolean
  body?: z.ZodType
  query?: z.ZodType
  response: z.ZodType
}

const endpoint = <const E extends Endpoint>(e: E) => e

export const contract = {
  health: endpoint({ method: 'GET', path: '/health', auth: false, response: HealthResponse }),
  login: endpoint({ method: 'POST', path: '/api/v1/auth/login', auth: false, body: LoginRequest, response: LoginResponse }),
  logout: endpoint({ method: 'POST', path: '/api/v1/auth/logout', auth: true, response: LogoutResponse }),
  me: endpoint({ method: 'GET', path: '/api/v1/me', auth: true, response: MeResponse }),
  getOrganization: endpoint({ method: 'GET', path: '/api/v1/organization', auth: true, response: Organization }),
  updateOrganization: endpoint({ method: 'PATCH', path: '/api/v1/organization', auth: true, body: UpdateOrganizationRequest, response: Organization }),
  listUsers: endpoint({ method: 'GET', path: '/api/v1/users', auth: true, response: UserList }),
  getUser: endpoint({ method: 'GET', path: '/api/v1/users/:id', auth: true, response: User }),
  createUser: endpoint({ method: 'POST', path: '/api/v1/users', auth: true, body: CreateUserRequest, response: User }),
  listEmployees: endpoint({ method: 'GET', path: '/api/v1/employees', auth: true, query: EmployeeListQuery, response: EmployeeList }),
  listConnections: endpoint({ method: 'GET', path: '/api/v1/connections', auth: true, response: ConnectionList }),
  createConnection: endpoint({ method: 'POST', path: '/api/v1/connections', auth: true, body: CreateConnectionRequest, response: ConnectionView }),
  getConnection: endpoint({ method: 'GET', path: '/api/v1/connections/:id', auth: true, response: ConnectionView }),
  updateConnection: endpoint({ method: 'PATCH', path: '/api/v1/connections/:id', auth: true, body: UpdateConnectionRequest, response: ConnectionView }),
  deleteConnection: endpoint({ method: 'DELETE', path: '/api/v1/connections/:id', auth: true, response: LogoutResponse }),
  forceSync: endpoint({ method: 'POST', path: '/api/v1/connections/:id/sync', auth: true, response: ForceSyncResponse }),
  pageSync: endpoint({ method: 'POST', path: '/api/v1/connections/:id/page-sync', auth: true, body: PageSyncRequest, response: PageSyncResponse }),
  listRuns: endpoint({ method: 'GET', path: '/api/v1/connections/:id/runs', auth: true, response: RunList }),
  createProPay: endpoint({ method: 'POST', path: '/api/v1/propays', auth: true, body: CreateProPayRequest, response: ProPayDetail }),
  listProPays: endpoint({ method: 'GET', path: '/api/v1/propays', auth: true, query: ListProPaysQuery, response: ProPayList }),
  getProPay: endpoint({ method: 'GET', path: '/api/v1/propays/:id', auth: true, response: ProPayDetail }),
  updateProPay: endpoint({ method: 'PATCH', path: '/api/v1/propays/:id', auth: true, body: UpdateProPayRequest, response: ProPayDetail }),
  approveProPay: endpoint({ method: 'POST', path: '/api/v1/propays/:id/approve', auth: true, body: ApproveProPayRequest, response: ProPayDetail }),
  unapproveProPay: endpoint({ method: 'POST', path: '/api/v1/propays/:id/unapprove', auth: true, response: ProPayDetail }),
  cancelProPay: endpoint({ method: 'POST', path: '/api/v1/propays/:id/cancel', auth: true, response: ProPayDetail }),
  restoreProPay: endpoint({ method: 'POST', path: '/api/v1/propays/:id/restore', auth: true, response: ProPayDetail }),
  reviewQueue: endpoint({ method: 'GET', path: '/api/v1/review-queue', auth: true, response: ReviewQueue }),
  listStatements: endpoint({ method: 'GET', path: '/api/v1/statements', auth: true, query: StatementListQuery, response: StatementList }),
  getStatement: endpoint({ method: 'GET', path: '/api/v1/statements/:id', auth: true, response: StatementView }),
  payStatement: endpoint({ method: 'POST', path: '/api/v1/statements/:id/pay', auth: true, body: PayStatementRequest, response: StatementView }),
  addStatementAdjustment: endpoint({ method: 'POST', path: '/api/v1/statements/:id/adjustments', auth: true, body: CreateStatementAdjustmentRequest, response: StatementView }),
  /** `text/csv; charset=utf-8`, streamed: the response schema describes the text, not JSON. */
  exportPayrollCsv: endpoint({ method: 'GET', path: '/api/v1/statements/export.csv', auth: true, query: PayrollExportQuery, response: PayrollCsv }),
  holdLineItem: endpoint({ method: 'POST', path: '/api/v1/line-items/:id/hold', auth: true, body: HoldLineItemRequest, response: LineItemView }),
  releaseLineItem: endpoint({ method: 'POST', path: '/api/v1/line-items/:id/release', auth: true, response: LineItemView }),
  extendLineItemHold: endpoint({ method: 'POST', path: '/api/v1/line-items/:id/extend-hold', auth: true, body: ExtendHoldRequest, response: LineItemView }),
  voidLineItem: endpoint({ method: 'POST', path: '/api/v1/line-items/:id/void', auth: true, response: LineItemView }),
  listJobs: endpoint({ method: 'GET', path: '/api/v1/jobs', auth: true, query: JobListQuery, response: JobList }),
  getJob: endpoint({ method: 'GET', path: '/api/v1/jobs/:id', auth: true, response: JobDetail }),
  findMilestones: endpoint({ method: 'GET', path: '/api/v1/milestones', auth: true, query: MilestoneLookupQuery, response: MilestoneLookup }),
  milestoneBadges: endpoint({ method: 'POST', path: '/api/v1/milestones/badges', auth: true, body: MilestoneBadgesRequest, response: MilestoneBadges }),
  getBonusSettings: endpoint({ method: 'GET', path: '/api/v1/bonus-settings', auth: true, response: BonusSettingsView }),
  updateBonusSettings: endpoint({ method: 'PATCH', path: '/api/v1/bonus-settings', auth: true, body: UpdateBonusSettingsRequest, response: BonusSettingsView }),
  listPushes: endpoint({ method: 'GET', path: '/api/v1/connections/:id/pushes', auth: true, response: PushRecordList }),
  listConflicts: endpoint({ method: 'GET', path: '/api/v1/connections/:id/conflicts', auth: true, response: ConflictList }),
  createTimeEntry: endpoint({ method: 'POST', path: '/api/v1/time-entries', auth: true, body: CreateTimeEntryRequest, response: PushRecordView }),
  listTimeEntries: endpoint({ method: 'GET', path: '/api/v1/time-entries', auth: true, query: TimeEntryQuery, response: TimeEntryList }),
  createMaterial: endpoint({ method: 'POST', path: '/api/v1/materials', auth: true, body: CreateMaterialRequest, response: PushRecordView }),
  updateMaterial: endpoint({ method: 'PATCH', path: '/api/v1/materials/:id', auth: true, body: UpdateMaterialRequest, response: PushRecordView }),
  reportSelectorMisses: endpoint({ method: 'POST', path: '/api/v1/diagnostics/selector-misses', auth: true, body: SelectorMissReport, response: SelectorMissReportResponse }),
  getDiagnostics: endpoint({ method: 'GET', path: '/api/v1/diagnostics', auth: true, response: DiagnosticsView }),
} as const satisfies Record<string, Endpoint>

export type Contract = typeof contract
export type EndpointName = keyof Contract
