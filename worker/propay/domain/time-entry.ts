import type { BasisPoints, IsoDate, Seconds } from './units'

export const TIME_KINDS = ['work', 'drive'] as const
/** Drive time is kept apart because it is excluded from labor cost by default (docs/domain/propay.md §10). */
export type TimeKind = (typeof TIME_KINDS)[number]

/** One time entry logged against a ProPay's job or milestone (docs/domain/propay.md §1). */
export interface TimeEntry {
  readonly id: string
  readonly workerId: string
  /** The work date; it picks the wage in effect (docs/domain/propay.md §6, effective-dated wages). */
  readonly date: IsoDate
  /** Duration: clocked span minus breaks. */
  readonly seconds: Seconds
  readonly kind: TimeKind
  /** Task or cost code, needed only by the task budget types. */
  readonly taskId?: string | null
  /**
   * The part of `seconds` paid at an overtime rate. Overtime depends on all of a worker's jobs that week, so it is
   * classified outside this module and handed in per entry.
   */
  readonly overtimeSeconds?: Seconds
  /** The overtime pay multiplier, e.g. 15000 for time-and-a-half (the default) or 20000 for double time. */
  readonly overtimeMultiplierBp?: BasisPoints
}

/** Time-and-a-half, the usual US overtime rate. */
export const DEFAULT_OVERTIME_MULTIPLIER_BP = 15_000

/**
 * Which costs count as labor on one ProPay (docs/domain/propay.md §6 step 2, §10). All default to excluded, so the
 * default labor cost is base wage × work time. Resolve the company default and the ProPay override before calling.
 */
export interface CostSettings {
  readonly includeDriveTime: boolean
  /** When on, the wage counts as wage × (1 + burden %) (docs/domain/propay.md §6, **Open** default). */
  readonly includeBurden: boolean
  /** When on, overtime seconds also cost the premium part of their multiplier. */
  readonly includeOvertimePremium: boolean
}

export const DEFAULT_COST_SETTINGS: CostSettings = {
  includeDriveTime: false,
  includeBurden: false,
  includeOvertimePremium: false,
}

/** Fills missing settings with the defaults; an explicit `undefined` counts as missing. */
export const resolveCostSettings = (settings: Partial<CostSettings> = {}): CostSettings => ({
  includeDriveTime: settings.includeDriveTime ?? DEFAULT_COST_SETTINGS.includeDriveTime,
  includeBurden: settings.includeBurden ?? DEFAULT_COST_SETTINGS.includeBurden,
  includeOvertimePremium: settings.includeOvertimePremium ?? DEFAULT_COST_SETTINGS.includeOvertimePremium,
})
