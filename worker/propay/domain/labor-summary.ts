import { compareIds } from './compare-ids'
import { countsAsLabor, entryBaseWageSeconds, entryCostNumerator } from './entry-cost'
import { compareDates } from './iso-date'
import type { CostSettings, TimeEntry } from './time-entry'
import type { IsoDate, Seconds } from './units'
import { createWageLookup, type WageRecord } from './wage-history'

/** Time and exact cost of a set of entries; cost is a numerator over `COST_DENOMINATOR`. */
export interface LaborTotals {
  readonly seconds: Seconds
  readonly costNumerator: bigint
  /** Σ seconds × base wage, the Equal Rate weight. */
  readonly baseWageSeconds: bigint
}

export interface WorkerLabor {
  readonly counted: LaborTotals
  readonly excludedDrive: LaborTotals
}

/**
 * A ProPay's time, split into what counts as labor and the drive time left out (listed separately,
 * docs/domain/propay.md §10).
 */
export interface LaborSummary {
  readonly counted: LaborTotals
  readonly excludedDrive: LaborTotals
  readonly byWorker: ReadonlyMap<string, WorkerLabor>
  /** Counted time per task id (task budgets); entries without a task are in `counted` only. */
  readonly byTask: ReadonlyMap<string, LaborTotals>
  /** Worker and date pairs with no wage in force: costed at $0 and reported as a problem. */
  readonly missingWages: readonly { readonly workerId: string; readonly date: IsoDate }[]
}

export const EMPTY_LABOR: LaborTotals = { seconds: 0, costNumerator: 0n, baseWageSeconds: 0n }

const addLabor = (a: LaborTotals, b: LaborTotals): LaborTotals => ({
  seconds: a.seconds + b.seconds,
  costNumerator: a.costNumerator + b.costNumerator,
  baseWageSeconds: a.baseWageSeconds + b.baseWageSeconds,
})

/**
 * Costs every entry at the wage in force on its date and totals the result per ProPay, worker and task.
 * Excluded drive time is costed too, so the breakdown can show what it would have cost.
 */
export function summarizeLabor(
  entries: readonly TimeEntry[],
  wageHistory: readonly WageRecord[],
  settings: CostSettings,
): LaborSummary {
  const wageOn = createWageLookup(wageHistory)
  let counted = EMPTY_LABOR
  let excludedDrive = EMPTY_LABOR
  const byWorker = new Map<string, WorkerLabor>()
  const byTask = new Map<string, LaborTotals>()
  const missing = new Map<string, { workerId: string; date: IsoDate }>()

  for (const entry of entries) {
    const wage = wageOn(entry.workerId, entry.date)
    if (wage === null) {
      missing.set(`${entry.workerId}\u0000${entry.date}`, { workerId: entry.workerId, date: entry.date })
    }
    const cost: LaborTotals = {
      seconds: entry.seconds,
      costNumerator: entryCostNumerator(entry, wage, settings),
      baseWageSeconds: entryBaseWageSeconds(entry, wage),
    }
    const worker = byWorker.get(entry.workerId) ?? { counted: EMPTY_LABOR, excludedDrive: EMPTY_LABOR }
    if (countsAsLabor(entry, settings)) {
      counted = addLabor(counted, cost)
      byWorker.set(entry.workerId, { ...worker, counted: addLabor(worker.counted, cost) })
      if (entry.taskId) byTask.set(entry.taskId, addLabor(byTask.get(entry.taskId) ?? EMPTY_LABOR, cost))
    } else {
      excludedDrive = addLabor(excludedDrive, cost)
      byWorker.set(entry.workerId, { ...worker, excludedDrive: addLabor(worker.excludedDrive, cost) })
    }
  }
  // Sorted so the problems they become do not depend on the order entries arrive in.
  const missingWages = [...missing.values()].sort(
    (a, b) => compareIds(a.workerId, b.workerId) || compareDates(a.date, b.date),
  )
  return { counted, excludedDrive, byWorker, byTask, missingWages }
}
