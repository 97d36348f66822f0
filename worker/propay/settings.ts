/**
 * The organisation's bonus settings: stored as given, read merged over the defaults, so a setting added later has a
 * value for every organisation without a data migration.
 * @module
 */
import { eq } from 'drizzle-orm'
import type { BonusSettings } from '../../shared/api/bonus-settings'
import type { Db } from '../db/client'
import { bonusSettings } from '../db/schema'
import { validateBudgetModifier, validatePayPeriodConfig, validatePool, type ValidationIssue } from './domain'

/** Sensible defaults: the spec's 70/20/10 pool at a 50% split, equal weighted, weekly from Monday, no holds. */
export const DEFAULT_BONUS_SETTINGS: BonusSettings = {
  // "Not Sure" (docs/domain/propay.md §4.1): nothing is generated until an admin picks a launch date.
  launchDate: null,
  incentivizedBranchIds: null,
  exclusionRules: [],
  excludedJobs: [],
  defaultBudgetType: 'hours',
  contractLaborBudgetBp: 3000,
  budgetModifierBp: 10_000,
  pool: {
    splitBp: 5000,
    bucketsBp: { crew: 7000, crew_lead: 2000, manager: 1000, company: 0, other: 0 },
    otherRecipientIds: [],
  },
  distribution: { type: 'equal_weighted', crewLeadFactorBp: 15_000 },
  costSettings: { includeDriveTime: false, includeBurden: false, includeOvertimePremium: false },
  payPeriod: { frequency: 'weekly', startWeekday: 'monday' },
  postingPeriod: 'current',
  holdPolicy: { waitingPeriodDays: 0, retentionDays: { crew: 0, crew_lead: 0, manager: 0, other: 0 } },
  safeguards: { disqualifiers: [], penalties: [] },
  // Off: a company turns it on deliberately (docs/domain/propay.md §13, company option).
  negativeNetting: { enabled: false, rollOver: false },
}

export interface LoadedSettings {
  settings: BonusSettings
  updatedAt: string | null
}

export async function loadBonusSettings(db: Db, orgId: string): Promise<LoadedSettings> {
  const [row] = await db.select().from(bonusSettings).where(eq(bonusSettings.orgId, orgId))
  return { settings: { ...DEFAULT_BONUS_SETTINGS, ...(row?.settings ?? {}) }, updatedAt: row?.updatedAt ?? null }
}

/** Checks what zod cannot: buckets totalling 100%, the modifier's range, pay period days. */
export function validateBonusSettings(settings: BonusSettings): ValidationIssue[] {
  return [
    ...validatePool(settings.pool, 'pool'),
    ...validateBudgetModifier(settings.budgetModifierBp, 'budgetModifierBp'),
    ...validatePayPeriodConfig(settings.payPeriod, 'payPeriod'),
  ]
}
