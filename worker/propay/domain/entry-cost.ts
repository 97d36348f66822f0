import { DEFAULT_OVERTIME_MULTIPLIER_BP, type CostSettings, type TimeEntry } from './time-entry'
import { FULL_BP, SECONDS_PER_HOUR } from './units'
import type { WageRecord } from './wage-history'

/**
 * Every cost numerator is over this one denominator: seconds → hours (3600), and two basis-point factors (burden,
 * overtime multiplier). Summing numerators over a common denominator lets actual labor be rounded once per ProPay
 * (docs/domain/propay.md §12) however many entries, wages and burden rates it has.
 */
export const COST_DENOMINATOR = BigInt(SECONDS_PER_HOUR) * BigInt(FULL_BP) * BigInt(FULL_BP)

/**
 * Exact labor cost of one entry in cents, as a numerator over {@link COST_DENOMINATOR}:
 * wage × burden factor × (seconds + overtime seconds × premium). Burden scales the premium too, because the premium
 * is paid wage like any other.
 */
export function entryCostNumerator(entry: TimeEntry, wage: WageRecord | null, settings: CostSettings): bigint {
  if (wage === null) return 0n
  const fullBp = BigInt(FULL_BP)
  const burdenFactor = settings.includeBurden ? fullBp + BigInt(wage.burdenBp ?? 0) : fullBp
  const premiumBp = BigInt((entry.overtimeMultiplierBp ?? DEFAULT_OVERTIME_MULTIPLIER_BP) - FULL_BP)
  const premium = settings.includeOvertimePremium ? BigInt(entry.overtimeSeconds ?? 0) * premiumBp : 0n
  return BigInt(wage.wageCentsPerHour) * burdenFactor * (BigInt(entry.seconds) * fullBp + premium)
}

/** seconds × base wage (cent-seconds per hour): the Equal Rate weight of an entry, burden and premium left out. */
export const entryBaseWageSeconds = (entry: TimeEntry, wage: WageRecord | null): bigint =>
  wage === null ? 0n : BigInt(entry.seconds) * BigInt(wage.wageCentsPerHour)

/**
 * Whether an entry counts toward actual labor: drive time only when the ProPay includes it (docs/domain/propay.md §10).
 */
export const countsAsLabor = (entry: TimeEntry, settings: CostSettings) =>
  entry.kind === 'work' || settings.includeDriveTime
