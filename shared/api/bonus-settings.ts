/**
 * The organisation's bonus program settings. Pools, split, distribution, safeguards, cost settings and hold times
 * are copied onto each ProPay when it is created (docs/domain/propay.md §4.1): changing them affects new ProPays only.
 * @module
 */
import { z } from 'zod'
import {
  BudgetType,
  CostSettings,
  ExclusionRule,
  HoldPolicy,
  IsoDate,
  PayPeriodConfig,
  PoolConfig,
  PostingPeriod,
} from './propay-values'

export const BonusSettings = z.object({
  /** Work on or after this date gets ProPays automatically; null is "Not Sure": nothing is generated. */
  launchDate: IsoDate.nullable(),
  /** Branches (vendor ids) in the bonus program; null = every branch. */
  incentivizedBranchIds: z.array(z.string().min(1).max(200)).max(500).nullable(),
  exclusionRules: z.array(ExclusionRule).max(200),
  /** One-off "exclude this job". */
  excludedJobs: z.array(z.object({ connectionId: z.string().min(1), jobExternalId: z.string().min(1) })).max(1000),
  /** Which synced budget a new ProPay uses first. */
  defaultBudgetType: BudgetType.extract(['hours', 'amount', 'contract_price']),
  /** Labor budget as a % of the contract price, for contract price budgets. */
  contractLaborBudgetBp: z.number().int().min(0).max(10_000),
  /** Company budget modifier, 1–200%. */
  budgetModifierBp: z.number().int().min(100).max(20_000),
  pool: PoolConfig,
  distribution: z.object({
    type: z.enum(['equal_rate', 'equal_weighted', 'crew_lead_weighted']),
    /** k of Crew Lead Weighted, in basis points (1.5 = 15000). */
    crewLeadFactorBp: z.number().int().min(1).max(100_000),
  }),
  costSettings: CostSettings,
  payPeriod: PayPeriodConfig,
  postingPeriod: PostingPeriod,
  holdPolicy: HoldPolicy,
  /**
   * Negative netting (docs/domain/propay.md §13): approving an over-budget ProPay puts each worker's share of the
   * overage on their statement, subtracted from that period's bonuses (never below $0). With `rollOver`, what a
   * statement cannot absorb moves to the worker's next statement; without it, it is dropped. Decided at approval.
   */
  negativeNetting: z.object({ enabled: z.boolean(), rollOver: z.boolean() }),
  /** Copied onto new ProPays unresolved; approval needs each one resolved. */
  safeguards: z.object({
    disqualifiers: z.array(z.object({ id: z.string().min(1).max(100), label: z.string().min(1).max(200) })).max(50),
    penalties: z
      .array(z.object({ id: z.string().min(1).max(100), category: z.string().min(1).max(200), amountCents: z.number().int().min(0) }))
      .max(50),
  }),
})
export type BonusSettings = z.infer<typeof BonusSettings>

export const BonusSettingsView = z.object({ settings: BonusSettings, updatedAt: z.string().nullable() })

export const UpdateBonusSettingsRequest = BonusSettings.partial().refine(
  (v) => Object.values(v).some((value) => value !== undefined),
  'send at least one setting to change',
)
export type UpdateBonusSettingsRequest = z.input<typeof UpdateBonusSettingsRequest>
