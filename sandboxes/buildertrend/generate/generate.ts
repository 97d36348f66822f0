/**
 * Builds a tenant's data from a seed and a size, anchored at "today" in the tenant's time zone.
 * @module
 */
import { FIRST_NAMES, LAST_NAMES, type SizeSpec } from './catalog'
import { generateBudget, generateWorksheet } from './budgets'
import type { GeneratedData } from './generated-data'
import { makeHostile } from './hostile'
import { generateJobs } from './jobs'
import { createRng } from '../../shared/prng'
import { type BtUser, generateShifts } from './shifts'

export function generateData(o: { seed: string | number; size: SizeSpec; builderId: number; today: string; nowMinutes: number; hostile?: boolean }): GeneratedData {
  const rng = createRng(o.seed)
  const jobs = generateJobs(rng, o.size.jobs, o.today, 41_000)
  const users: BtUser[] = Array.from({ length: o.size.users }, (_, i) => ({
    id: 7000 + i,
    name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 5) % LAST_NAMES.length]}${i >= FIRST_NAMES.length ? ` ${Math.floor(i / FIRST_NAMES.length) + 1}` : ''}`,
    rate: rng.int(22, 48) + (rng.chance(0.3) ? 0.5 : 0),
  }))
  const shifts = generateShifts(rng, { builderId: o.builderId, users, jobs, today: o.today, days: o.size.days, nowMinutes: o.nowMinutes, firstId: 5_000_000 })
  const budgets = jobs.map((j) => generateBudget(rng, j))
  const worksheets = jobs.filter(() => rng.chance(0.5)).map((j, i) => ({ jobId: j.jobId, ...generateWorksheet(rng, j, 900_000 + i * 100) }))
  const data = { jobs, users, shifts, budgets, worksheets }
  if (o.hostile) makeHostile(data, o.seed)
  return data
}
