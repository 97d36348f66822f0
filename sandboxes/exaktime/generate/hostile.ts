/**
 * The `hostile: true` tenant option: after normal generation, every employee, location, job and cost code name
 * gets markup, script, SQL, bidi overrides, zero-width characters, emoji or a 10,000-character string, and a few
 * records get what an unverified API could send: numbers as strings (`"8.5"` hours, `"24.35"` dollars), absurd
 * numbers (−8 h, a billion hours, $1e15, $0 and negative rates), nulls where values are expected (no name, no user,
 * no clock-out, no amount, no date) and impossible dates (`2026-02-30`, `0000-00-00`, `25:61` o'clock).
 *
 * Warehouse work dates stay real dates (a typed SQL column), so every record still falls into some day.
 * Deterministic: its own random stream from the seed; the records are the same as without the option, plus a few
 * pay rates added to employees who keep their real ones.
 * @module
 */
import type { Rng } from '../../shared/prng'
import { createRng } from '../../shared/prng'
import { hostileName } from '../../shared/hostile-text'
import type { PayRate, TenantData } from '../tenant/types'

type Values = Record<string, unknown>

const TIME_MUTATIONS: Values[] = [
  { regularHours: -8 },
  { regularHours: 1e9 },
  { regularHours: '8.5', ot1Hours: 0, ot2Hours: 0 },
  { regularHours: 'abc' },
  { ot1Hours: -1 },
  { timeIn: '2026-05-04T25:61:00' },
  { timeOut: null },
  { personId: null },
  { costCodeId: null },
  { locationId: null, jobId: null },
]

/** Dated long before the history (each on its own day), so the real rates stay the ones in force. */
const EXTRA_RATES: Array<Partial<Record<keyof PayRate, unknown>>> = [
  { amount: '24.35', effective_date: '2000-01-03' },
  { amount: 1e15, effective_date: '2000-01-04' },
  { amount: -5, effective_date: '2000-01-05' },
  { amount: 0, effective_date: '2000-01-06' },
  { amount: null, effective_date: '2000-01-07' },
  { amount: 'abc', effective_date: '2000-01-08' },
  { amount: 20, effective_date: '2026-02-30' },
  { amount: 20, effective_date: '0000-00-00' },
  { amount: 20, effective_date: null },
]

const pick = <T>(rng: Rng, items: readonly T[], count: number): T[] => rng.shuffle(items).slice(0, count)

export function makeHostile(data: TenantData, seed: string) {
  const rng = createRng(`${seed}|hostile`)
  data.employees.forEach((e, i) => {
    Object.assign(e, { first_name: hostileName(e.first_name, i), last_name: hostileName(e.last_name, i + 3) })
    if (i === 1) Object.assign(e, { first_name: null, last_name: null })
  })
  if (data.employees[2]) data.employees[2].email = '"><svg onload=window.__xss=1>@x.test'
  const withRates = data.employees.filter((e) => e.pay_rates.length)
  EXTRA_RATES.forEach((extra, i) => {
    const employee = withRates[i % Math.max(1, withRates.length)]
    employee?.pay_rates.push({ rate_code: 'REG', is_base_rate: true, ...extra } as PayRate)
  })

  data.locations.forEach((l, i) => Object.assign(l, { name: hostileName(l.name, i), code: hostileName(l.code, i + 5, 20) }))
  if (data.locations[1]) (data.locations[1] as unknown as Values).name = null
  data.jobs.forEach((j, i) => Object.assign(j, { name: hostileName(j.name, i) }))
  if (data.jobs[0]) Object.assign(data.jobs[0], { start_date: '2026-13-01', end_date: 'not a date' })
  if (data.jobs[2]) (data.jobs[2] as unknown as Values).name = null
  // Names stay unique (the sandbox refuses duplicates): the payload goes in front of the real name.
  data.costCodes.forEach((c, i) => Object.assign(c, { name: hostileName(c.name, i) }))

  const records = pick(rng, data.timeRecords, TIME_MUTATIONS.length)
  records.forEach((r, i) => Object.assign(r, TIME_MUTATIONS[i]))
}
