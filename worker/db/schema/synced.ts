/**
 * The canonical data synced from vendors. Vendor-neutral: each connector maps its shapes to these.
 * Cross-references are vendor ids (`*_external_id`) within the same connection, so records can arrive in
 * any order. Money is integer cents, durations integer seconds, rates basis points, instants UTC ISO.
 * @module
 */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncedColumns, syncedIndexes } from './synced-columns'

export const branches = sqliteTable(
  'branches',
  { ...syncedColumns(), name: text('name').notNull(), timeZone: text('time_zone'), active: integer('active', { mode: 'boolean' }) },
  syncedIndexes('branches'),
)

export const routes = sqliteTable(
  'routes',
  {
    ...syncedColumns(),
    name: text('name').notNull(),
    branchExternalId: text('branch_external_id'),
    crewLeaderExternalId: text('crew_leader_external_id'),
    managerExternalId: text('manager_external_id'),
    active: integer('active', { mode: 'boolean' }),
  },
  syncedIndexes('routes'),
)

export const clients = sqliteTable(
  'clients',
  { ...syncedColumns(), name: text('name').notNull(), branchExternalId: text('branch_external_id'), active: integer('active', { mode: 'boolean' }) },
  syncedIndexes('clients'),
)

export const jobStatuses = ['pending', 'in_progress', 'completed', 'canceled'] as const

export const jobs = sqliteTable(
  'jobs',
  {
    ...syncedColumns(),
    number: text('number'),
    name: text('name').notNull(),
    clientExternalId: text('client_external_id'),
    branchExternalId: text('branch_external_id'),
    managerExternalId: text('manager_external_id'),
    recurring: integer('recurring', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: jobStatuses }).notNull(),
    vendorStatus: text('vendor_status'),
    contractPriceCents: integer('contract_price_cents'),
    budgetSeconds: integer('budget_seconds'),
    budgetLaborCents: integer('budget_labor_cents'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    completedDate: text('completed_date'),
  },
  syncedIndexes('jobs'),
)

export const milestoneStatuses = ['pending', 'scheduled', 'in_progress', 'pending_review', 'completed', 'canceled'] as const

export const milestones = sqliteTable(
  'milestones',
  {
    ...syncedColumns(),
    jobExternalId: text('job_external_id'),
    number: text('number'),
    name: text('name').notNull(),
    /** Vendor-derived state; `pending_review` = the vendor says the work is done. */
    status: text('status', { enum: milestoneStatuses }).notNull(),
    vendorStatus: text('vendor_status'),
    vendorStatusName: text('vendor_status_name'),
    branchExternalId: text('branch_external_id'),
    crewLeaderExternalId: text('crew_leader_external_id'),
    routeExternalId: text('route_external_id'),
    estimatedSeconds: integer('estimated_seconds'),
    estimatedLaborCents: integer('estimated_labor_cents'),
    actualSeconds: integer('actual_seconds'),
    scheduledDate: text('scheduled_date'),
    completedDate: text('completed_date'),
  },
  (t) => [
    ...syncedIndexes('milestones')(t),
    index('milestones_job_idx').on(t.connectionId, t.jobExternalId),
    // The extension's badge lookups find a ticket by the vendor's id across the org's connections.
    index('milestones_org_external_idx').on(t.orgId, t.externalId),
  ],
)

export const workers = sqliteTable(
  'workers',
  {
    ...syncedColumns(),
    name: text('name').notNull(),
    email: text('email'),
    employeeNumber: text('employee_number'),
    branchExternalId: text('branch_external_id'),
    active: integer('active', { mode: 'boolean' }),
    terminatedDate: text('terminated_date'),
  },
  syncedIndexes('workers'),
)

/** Effective-dated pay: the wage for a work date is the latest row with `effective_date` on or before it. */
export const wages = sqliteTable(
  'wages',
  {
    ...syncedColumns(),
    workerExternalId: text('worker_external_id').notNull(),
    effectiveDate: text('effective_date').notNull(),
    hourlyCents: integer('hourly_cents').notNull(),
    burdenBasisPoints: integer('burden_bp'),
  },
  (t) => [...syncedIndexes('wages')(t), index('wages_worker_idx').on(t.connectionId, t.workerExternalId, t.effectiveDate)],
)

export const timeEntries = sqliteTable(
  'time_entries',
  {
    ...syncedColumns(),
    workerExternalId: text('worker_external_id'),
    jobExternalId: text('job_external_id'),
    milestoneExternalId: text('milestone_external_id'),
    routeExternalId: text('route_external_id'),
    crewLeaderExternalId: text('crew_leader_external_id'),
    costCodeExternalId: text('cost_code_external_id'),
    workDate: text('work_date').notNull(),
    startAt: text('start_at'),
    endAt: text('end_at'),
    /** Worked time, breaks excluded. */
    durationSeconds: integer('duration_seconds').notNull(),
    overtimeSeconds: integer('overtime_seconds').notNull().default(0),
    doubleTimeSeconds: integer('double_time_seconds').notNull().default(0),
    hourlyCents: integer('hourly_cents'),
    costCents: integer('cost_cents'),
    isDrive: integer('is_drive', { mode: 'boolean' }).notNull().default(false),
    /** `approved` = final for bonus approval; `provisional` = still open or unapproved at the vendor. */
    approval: text('approval', { enum: ['approved', 'provisional'] }).notNull(),
  },
  (t) => [
    ...syncedIndexes('time_entries')(t),
    index('time_entries_milestone_idx').on(t.connectionId, t.milestoneExternalId),
    index('time_entries_date_idx').on(t.connectionId, t.workDate),
    // Hours booked on a job without a milestone (job views, badges): without it, every such entry of the connection is read.
    index('time_entries_job_idx').on(t.connectionId, t.jobExternalId),
  ],
)

export const materialAllocations = sqliteTable(
  'material_allocations',
  {
    ...syncedColumns(),
    milestoneExternalId: text('milestone_external_id'),
    catalogItemExternalId: text('catalog_item_external_id'),
    /** Where the material was drawn from; Aspire needs it to update an allocation. */
    inventoryLocationExternalId: text('inventory_location_external_id'),
    itemType: text('item_type'),
    quantity: real('quantity').notNull(),
    unitCostCents: integer('unit_cost_cents'),
    totalCostCents: integer('total_cost_cents'),
    allocationDate: text('allocation_date'),
    vendorStatus: text('vendor_status'),
  },
  (t) => [...syncedIndexes('material_allocations')(t), index('material_allocations_milestone_idx').on(t.connectionId, t.milestoneExternalId)],
)

/** Budget lines: materials (quantities) per milestone, and labor budgets per job or cost code. */
export const budgets = sqliteTable(
  'budgets',
  {
    ...syncedColumns(),
    kind: text('kind', { enum: ['material', 'labor'] }).notNull(),
    jobExternalId: text('job_external_id'),
    milestoneExternalId: text('milestone_external_id'),
    costCodeExternalId: text('cost_code_external_id'),
    catalogItemExternalId: text('catalog_item_external_id'),
    name: text('name'),
    itemType: text('item_type'),
    quantity: real('quantity'),
    amountCents: integer('amount_cents'),
    seconds: integer('seconds'),
  },
  (t) => [...syncedIndexes('budgets')(t), index('budgets_milestone_idx').on(t.connectionId, t.milestoneExternalId)],
)

export const costCodes = sqliteTable(
  'cost_codes',
  { ...syncedColumns(), code: text('code'), name: text('name').notNull(), active: integer('active', { mode: 'boolean' }) },
  syncedIndexes('cost_codes'),
)

/** Every synced table, by the name connectors use for it. */
export const syncedTables = {
  branches,
  routes,
  clients,
  jobs,
  milestones,
  workers,
  wages,
  timeEntries,
  materialAllocations,
  budgets,
  costCodes,
} as const
export type SyncedTableName = keyof typeof syncedTables
