/**
 * The ProPay engine's own data: organisation bonus settings, ProPays (with their settings copied at creation and
 * the last computed breakdown), line items and statements. Everything is org-scoped; synced rows are referenced by
 * connection + vendor id, never by foreign key, because syncs may soft-delete and bring them back.
 * @module
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { BonusSettings } from '../../../shared/api/bonus-settings'
import type {
  BudgetAdjustment,
  BudgetSpec,
  CostSettings,
  Disqualifier,
  DistributionConfig,
  HoldPolicy,
  Penalty,
  PoolConfig,
  ProPayBreakdown,
  ValidationIssue,
} from '../../propay/domain'
import { organizations } from './organizations'

export const propayStatuses = ['active', 'approved', 'paid', 'canceled', 'deleted'] as const
export const lineItemStatuses = ['held', 'in_process', 'paid', 'voided'] as const
export const statementStatuses = ['open', 'paid', 'voided'] as const
export const payoutRoles = ['crew', 'crew_lead', 'manager', 'other'] as const
/** A bonus, or a worker's share of an over-budget ProPay's overage under negative netting (stored negative). */
export const lineItemKinds = ['bonus', 'overage'] as const
export const statementAdjustmentKinds = ['bonus', 'deduction'] as const

/** Which synced budget a ProPay follows: the preferred type first, then the others. */
export interface SyncedBudgetRule {
  preferredType: 'hours' | 'amount' | 'contract_price'
  /** Labor budget as a % of the contract price. */
  contractLaborBudgetBp: number
}

/** Who is on a ProPay beyond the synced time: overrides kept on the ProPay. */
export interface StoredPeople {
  /** null = the covered milestones' crew leaders, as synced. */
  crewLeadIds: string[] | null
  excludedWorkerIds: string[]
  bonusRemovedWorkerIds: string[]
}

/** One row per organisation; missing fields take the defaults (see `worker/propay/settings.ts`). */
export const bonusSettings = sqliteTable('bonus_settings', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => organizations.id),
  settings: text('settings', { mode: 'json' }).notNull().$type<Partial<BonusSettings>>(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
})

export const propays = sqliteTable(
  'propays',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    connectionId: text('connection_id').notNull(),
    jobExternalId: text('job_external_id').notNull(),
    /** Set for a recurring job's per-visit ProPay; null when the ProPay covers the whole job. */
    milestoneExternalId: text('milestone_external_id'),
    /** `job:<connection>:<job id>` or `milestone:<connection>:<milestone id>`: one ProPay per scope, ever. */
    scopeKey: text('scope_key').notNull(),
    origin: text('origin', { enum: ['auto', 'manual'] }).notNull(),
    managerUserId: text('manager_user_id'),
    /** The vendor worker who receives the manager bucket. */
    managerWorkerExternalId: text('manager_worker_external_id'),
    status: text('status', { enum: propayStatuses }).notNull().default('active'),
    approvalRound: integer('approval_round').notNull().default(0),
    approvalDate: text('approval_date'),
    approvedAt: text('approved_at'),
    approvedByUserId: text('approved_by_user_id'),
    costExclusionsLocked: integer('cost_exclusions_locked', { mode: 'boolean' }).notNull().default(false),
    /** The ProPay's own budget; null = use the synced one. Kept apart from synced data so a sync never erases it. */
    budget: text('budget', { mode: 'json' }).$type<BudgetSpec>(),
    adjustment: text('adjustment', { mode: 'json' }).notNull().$type<BudgetAdjustment>(),
    // Copied from the bonus settings at creation (docs/domain/propay.md §4.1).
    /** Which synced budget to use while `budget` is null. */
    budgetRule: text('budget_rule', { mode: 'json' }).notNull().$type<SyncedBudgetRule>(),
    budgetModifierBp: integer('budget_modifier_bp').notNull(),
    pool: text('pool', { mode: 'json' }).notNull().$type<PoolConfig>(),
    distribution: text('distribution', { mode: 'json' }).notNull().$type<DistributionConfig>(),
    disqualifiers: text('disqualifiers', { mode: 'json' }).notNull().$type<Disqualifier[]>(),
    penalties: text('penalties', { mode: 'json' }).notNull().$type<Penalty[]>(),
    holdPolicy: text('hold_policy', { mode: 'json' }).notNull().$type<HoldPolicy>(),
    postingPeriod: text('posting_period', { enum: ['current', 'previous'] }).notNull(),
    costSettings: text('cost_settings', { mode: 'json' }).notNull().$type<CostSettings>(),
    people: text('people', { mode: 'json' }).notNull().$type<StoredPeople>(),
    /** The last computed breakdown: live while active, frozen at approval. */
    breakdown: text('breakdown', { mode: 'json' }).$type<ProPayBreakdown>(),
    /** Why the inputs could not be computed, when they could not. */
    calculationIssues: text('calculation_issues', { mode: 'json' }).$type<ValidationIssue[]>(),
    budgetSource: text('budget_source'),
    /** Hash of the calculation input the breakdown was computed from: unchanged input, no write. */
    inputHash: text('input_hash'),
    computedAt: text('computed_at'),
    /** Set when the vendor un-completes or deletes approved work: flagged for a person, never reversed. */
    attention: text('attention'),
    createdByUserId: text('created_by_user_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('propays_org_scope_unique').on(t.orgId, t.scopeKey),
    index('propays_org_status_idx').on(t.orgId, t.status),
    index('propays_job_idx').on(t.connectionId, t.jobExternalId),
    // The ProPays list, newest first, read in index order instead of sorting all of the org's ProPays each time.
    index('propays_org_created_idx').on(t.orgId, t.createdAt, t.id),
  ],
)

/**
 * One worker × one pay period (docs/domain/propay.md §13); `number` is the organisation's running `ST-001` reference.
 */
export const statements = sqliteTable(
  'statements',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    number: integer('number').notNull(),
    connectionId: text('connection_id').notNull(),
    workerExternalId: text('worker_external_id').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    status: text('status', { enum: statementStatuses }).notNull().default('open'),
    /**
     * The net balance: max(0, Σ of its line items that are not voided (overage items are negative) + bonus
     * adjustments − deductions − carried in). See `worker/statements/totals.ts`.
     */
    totalCents: integer('total_cents').notNull().default(0),
    /** Netted money an earlier paid statement of the worker could not absorb and rolled over onto this one. */
    carriedInCents: integer('carried_in_cents').notNull().default(0),
    /** Set at payment: what this statement could not absorb, moved to the worker's next statement (roll-over on). */
    carryOutCents: integer('carry_out_cents').notNull().default(0),
    paidOn: text('paid_on'),
    paidByUserId: text('paid_by_user_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('statements_org_number_unique').on(t.orgId, t.number),
    uniqueIndex('statements_worker_period_unique').on(t.orgId, t.connectionId, t.workerExternalId, t.periodStart),
  ],
)

/** One per (ProPay, approval round, worker, role); the idempotency key keeps reprocessing from paying twice. */
export const lineItems = sqliteTable(
  'line_items',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    propayId: text('propay_id')
      .notNull()
      .references(() => propays.id),
    statementId: text('statement_id')
      .notNull()
      .references(() => statements.id),
    idempotencyKey: text('idempotency_key').notNull(),
    connectionId: text('connection_id').notNull(),
    workerExternalId: text('worker_external_id').notNull(),
    role: text('role', { enum: payoutRoles }).notNull(),
    kind: text('kind', { enum: lineItemKinds }).notNull().default('bonus'),
    /** Positive for a bonus, negative for an overage share. */
    amountCents: integer('amount_cents').notNull(),
    approvalRound: integer('approval_round').notNull(),
    approvalDate: text('approval_date').notNull(),
    status: text('status', { enum: lineItemStatuses }).notNull(),
    holdReason: text('hold_reason', { enum: ['waiting_period', 'retention', 'manual'] }),
    heldUntil: text('held_until'),
    paidOn: text('paid_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('line_items_idempotency_unique').on(t.idempotencyKey),
    index('line_items_propay_idx').on(t.propayId),
    index('line_items_statement_idx').on(t.statementId),
    // The cron's "holds that are over" scan.
    index('line_items_due_idx').on(t.status, t.heldUntil),
  ],
)

/**
 * Extra bonuses and deductions on a statement, with their purpose (docs/domain/propay.md §13); added only while the
 * statement is open, never edited afterwards.
 */
export const statementAdjustments = sqliteTable(
  'statement_adjustments',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    statementId: text('statement_id')
      .notNull()
      .references(() => statements.id),
    kind: text('kind', { enum: statementAdjustmentKinds }).notNull(),
    /** Always > 0; the kind says which way it goes. */
    amountCents: integer('amount_cents').notNull(),
    purpose: text('purpose').notNull(),
    createdByUserId: text('created_by_user_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('statement_adjustments_statement_idx').on(t.orgId, t.statementId)],
)

/** What `afterSync` last processed per connection, so a sync that changed nothing costs a few reads. */
export const propaySyncMarks = sqliteTable('propay_sync_marks', {
  connectionId: text('connection_id').primaryKey(),
  orgId: text('org_id').notNull(),
  /** Newest `updated_at` among the connection's synced rows when last processed. */
  watermark: text('watermark'),
  /** The settings and launch state it was processed under; another value means a full pass. */
  settingsStamp: text('settings_stamp').notNull(),
  processedAt: text('processed_at').notNull(),
})

/**
 * A bonus pass under way (worker/propay/auto-create.ts): which touched jobs it still has to look at, so the sync's next
 * queue step continues it where the last one stopped (a step's own time is bounded, issue #16). Deleted when the pass
 * completes and its watermark becomes the connection's mark.
 */
export const propaySyncPasses = sqliteTable('propay_sync_passes', {
  connectionId: text('connection_id').primaryKey(),
  orgId: text('org_id').notNull(),
  /** The settings stamp the pass runs under; another one discards it (a full pass starts instead). */
  settingsStamp: text('settings_stamp').notNull(),
  /** Changes at or after this watermark touch the jobs it covers; null: every job of the connection. */
  since: text('since'),
  /** The watermark the mark takes once the pass is complete. */
  watermark: text('watermark'),
  /** The last job (vendor id, in code-unit order) done; the pass goes on with the ones after it. */
  afterJob: text('after_job'),
  /** Jobs done and to do, for the connection's status while the pass is under way. */
  jobsDone: integer('jobs_done').notNull().default(0),
  jobsTotal: integer('jobs_total').notNull().default(0),
  startedAt: text('started_at').notNull(),
  updatedAt: text('updated_at').notNull(),
})

export type ProPayRow = typeof propays.$inferSelect
export type LineItemRow = typeof lineItems.$inferSelect
export type StatementRow = typeof statements.$inferSelect
export type StatementAdjustmentRow = typeof statementAdjustments.$inferSelect
