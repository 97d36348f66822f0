import { compareDates } from './iso-date'
import type { BasisPoints, Cents, IsoDate } from './units'

/** One step of a worker's effective-dated pay: in force from `effectiveFrom` until the next record. */
export interface WageRecord {
  readonly workerId: string
  readonly effectiveFrom: IsoDate
  readonly wageCentsPerHour: Cents
  /** Employer burden (taxes, insurance) where the vendor has one; counted only when the ProPay includes burden. */
  readonly burdenBp?: BasisPoints
}

/** Finds the wage in force for a worker on a date, or `null` when none had started yet. */
export type WageLookup = (workerId: string, date: IsoDate) => WageRecord | null

/**
 * Indexes a wage history so each time entry is costed at the wage in force on its own date, not today's wage.
 *
 * @example
 * const wageOn = createWageLookup([{ workerId: 'w1', effectiveFrom: '2026-01-01', wageCentsPerHour: 2500 }])
 * wageOn('w1', '2026-03-02')?.wageCentsPerHour // → 2500
 * wageOn('w1', '2025-12-31') // → null
 */
export function createWageLookup(history: readonly WageRecord[]): WageLookup {
  const byWorker = new Map<string, WageRecord[]>()
  for (const record of history) {
    const records = byWorker.get(record.workerId) ?? []
    records.push(record)
    byWorker.set(record.workerId, records)
  }
  for (const records of byWorker.values()) records.sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom))

  return (workerId, date) => {
    let current: WageRecord | null = null
    for (const record of byWorker.get(workerId) ?? []) {
      if (compareDates(record.effectiveFrom, date) > 0) break
      current = record
    }
    return current
  }
}
