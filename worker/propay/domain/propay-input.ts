import type { MoneySettings } from './format-cents'
import type { BudgetAdjustment, BudgetSpec } from './budget-types'
import type { DistributionConfig } from './distribution'
import type { MilestoneRef } from './milestones'
import type { PoolConfig } from './pool'
import type { ProPayPeople } from './propay-people'
import type { Disqualifier, Penalty } from './safeguards'
import type { CostSettings, TimeEntry } from './time-entry'
import type { BasisPoints } from './units'
import type { WageRecord } from './wage-history'

/**
 * Everything the calculation of one ProPay needs, as stored on the ProPay (pool, distribution and safeguards are
 * copied onto it at creation, docs/domain/propay.md §4.1) plus the synced work it covers.
 */
export interface ProPayInput {
  readonly budget: BudgetSpec
  /** Defaults to `none`. */
  readonly adjustment?: BudgetAdjustment
  /** The company budget modifier, 1–200% (100–20000 bp); defaults to 100%. */
  readonly companyModifierBp?: BasisPoints
  /** The milestones the ProPay covers: one for a recurring job, all of the job's otherwise. */
  readonly milestones: readonly MilestoneRef[]
  readonly timeEntries: readonly TimeEntry[]
  /** Effective-dated wages of the workers on the time entries. */
  readonly wageHistory: readonly WageRecord[]
  /** Missing settings take the defaults: drive time, burden and overtime premium all excluded. */
  readonly costSettings?: Partial<CostSettings>
  readonly pool: PoolConfig
  readonly distribution: DistributionConfig
  readonly people: ProPayPeople
  readonly disqualifiers?: readonly Disqualifier[]
  readonly penalties?: readonly Penalty[]
  /** The organisation's locale and currency, for the amounts in problems and warnings; en-US dollars by default. */
  readonly money?: MoneySettings
}
