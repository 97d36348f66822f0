/**
 * The `hostile: true` tenant option: after normal generation, every job, worker and cost code name gets markup,
 * script, SQL, bidi overrides, zero-width characters, emoji or a 10,000-character string, and a few records get
 * what Buildertrend's loosely typed internal JSON could send: numbers as strings (`"480"` minutes, `"$1,042.50"`,
 * `"abc"`), absurd numbers (negative minutes, a billion hours, $1e15), nulls where values are expected (no name, no
 * date, no user) and impossible dates (`2026-02-30`, `2026-13-45T25:61:00`, a clock-out before the clock-in).
 *
 * Deterministic: its own random stream from the seed; the records are the same as without the option.
 * @module
 */
import { hostileName } from '../../shared/hostile-text'
import type { GeneratedData } from './generated-data'
import { createRng, type Rng } from '../../shared/prng'

type Values = Record<string, unknown>

/** Cost code titles turn hostile the same way wherever they appear (shifts, budget, worksheet), so they still match. */
const codeTitle = (title: string) => hostileName(title, Array.from(title).reduce((n, c) => n + c.charCodeAt(0), 0))

const SHIFT_MUTATIONS: Values[] = [
  // Worked minutes live in `regularTime` (totalWorkTime is 0 with the web app's columns; docs/vendors/buildertrend.md §16.7).
  { regularTime: '480', overTime: '0', doubleOverTime: '0' },
  { regularTime: -60 },
  { regularTime: 60_000_000_000 },
  { regularTime: 'abc' },
  { overTime: -5 },
  { rate: '42' },
  { rate: '$1,042.50' },
  { rate: 'abc' },
  { rate: '-$5.00' },
  { rate: '$1,000,000,000.00' },
  { builderCost: '$367.50' },
  { builderCost: { value: 1e15, scale: 2 } },
  { builderCost: '1e15' },
  { date: null },
  { date: null, timeIn: null },
  { date: { date: '2026-02-30T00:00:00' } },
  { timeIn: { timeStamp: '2026-13-45T25:61:00' } },
  { timeIn: { timeStamp: 'not a time' } },
  { userID: null },
  { approvalStatus: null },
  { costCodes: null },
]

const JOB_MUTATIONS: Values[] = [
  { contractPrice: '$1,000,000,000,000,000.00' },
  { contractPrice: -500 },
  { contractPrice: 'N/A' },
  { contractPrice: { value: 1e15 } },
  { projectedStartDate: '2026-02-30T00:00:00', actualStartDate: null },
  { jobName: null },
  { status: 99 },
]

const pick = <T>(rng: Rng, items: readonly T[], count: number): T[] => {
  const pool = [...items]
  const out: T[] = []
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(rng.next() * pool.length), 1)[0]!)
  return out
}

/** A clock-out an hour before the clock-in, on the same day. */
function clockOutBeforeIn(shift: Values) {
  const timeIn = shift.timeIn as { timeStamp: string } | null
  const timeOut = shift.timeOut as { timeStamp: string } | null
  if (timeIn && timeOut) timeOut.timeStamp = `${timeIn.timeStamp.slice(0, 11)}05:00:00`
}

export function makeHostile(data: GeneratedData, seed: string | number) {
  const rng = createRng(`${seed}|hostile`)
  // Worker names per user, so every shift of a person agrees (one person has none at all).
  const names = new Map(data.users.map((u, i) => [u.id, i === 1 ? null : hostileName(u.name, i)]))
  for (const shift of data.shifts as unknown as Values[]) {
    shift.name = names.get(shift.userID as number) ?? null
    for (const code of (shift.costCodes as Values[] | null) ?? []) code.costCodeTitle = codeTitle(String(code.costCodeTitle))
  }
  const closed = (data.shifts as unknown as Values[]).filter((s) => s.timeOut !== null)
  const shifts = pick(rng, closed, SHIFT_MUTATIONS.length + 1)
  SHIFT_MUTATIONS.forEach((values, i) => Object.assign(shifts[i]!, values))
  if (shifts.length > SHIFT_MUTATIONS.length) clockOutBeforeIn(shifts.at(-1)!)

  data.jobs.forEach((job, i) => Object.assign(job, { jobName: hostileName(job.jobName, i) }))
  const jobNames = new Map(data.jobs.map((j) => [j.jobId, j.jobName]))
  for (const shift of data.shifts) if (shift.jobId !== null) shift.jobName = jobNames.get(shift.jobId) ?? shift.jobName
  pick(rng, data.jobs as unknown as Values[], JOB_MUTATIONS.length).forEach((job, i) => Object.assign(job, JOB_MUTATIONS[i]))

  const codes = data.budgets.flatMap((b) => b.costCategories.flatMap((c) => c.costCodes)) as unknown as Values[]
  const budgetValues: Values[] = [{ originalBudgetCosts: 1e15 }, { originalBudgetCosts: -100 }, { originalBudgetCosts: '$5,000' }, { title: null }]
  pick(rng, codes.filter((c) => c.id !== 9999), budgetValues.length).forEach((code, i) => Object.assign(code, budgetValues[i]))
  for (const code of codes) if (typeof code.title === 'string') code.title = codeTitle(code.title)

  const lines = data.worksheets.flatMap((w) => w.formatData.flatMap((g) => [...g.lineItems, ...g.subGroups.flatMap((s) => s.lineItems)])) as unknown as Values[]
  for (const line of lines) line.costCodeTitle = codeTitle(String(line.costCodeTitle))
  const lineValues: Values[] = [{ quantity: 1e9 }, { builderCost: 'abc' }, { quantity: '12' }]
  pick(rng, lines.filter((l) => l.unit === 'HR'), lineValues.length).forEach((line, i) => Object.assign(line, lineValues[i]))
}
