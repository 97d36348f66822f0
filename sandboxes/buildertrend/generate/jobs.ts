/**
 * Jobs with Buildertrend's quirks: statuses that `isClosed` sometimes contradicts, sentinel dates, and the
 * contract price in each of its three shapes.
 * @module
 */
import type { BtJob } from '../tenant/shapes'
import { JOB_KINDS, JOB_STREETS, SENTINEL_DATES } from './catalog'
import { addDays } from './dates'
import type { Rng } from '../../shared/prng'

const STATUSES = [3, 3, 1, 0, 4] as const

export function priceShape(cents: number, variant: number): BtJob['contractPrice'] {
  const dollars = cents / 100
  if (variant === 0) return dollars
  if (variant === 1) return { value: dollars }
  return `$${dollars.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`
}

export function generateJobs(rng: Rng, count: number, today: string, firstId: number): BtJob[] {
  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!
    const opened = addDays(today, -rng.int(30, 400))
    const start = addDays(opened, rng.int(5, 30))
    return {
      jobId: firstId + i * 7,
      jobName: `${rng.int(100, 9999)} ${rng.pick(JOB_STREETS)} St – ${rng.pick(JOB_KINDS)}`,
      status,
      // Every fourth job's flag contradicts its status.
      isClosed: i % 4 === 3 ? status !== 0 : status === 0,
      dateOpened: `${opened}T00:00:00`,
      projectedStartDate: i % 5 === 2 ? rng.pick(SENTINEL_DATES) : `${start}T00:00:00`,
      actualStartDate: status === 4 ? SENTINEL_DATES[0]! : `${start}T00:00:00`,
      projectedClosingDate: i % 3 === 0 ? SENTINEL_DATES[2]! : `${addDays(start, rng.int(20, 200))}T00:00:00`,
      contractPrice: i % 7 === 6 ? null : priceShape(rng.int(1500, 90000) * 100 + rng.int(0, 1) * 50, i % 3),
    }
  })
}
