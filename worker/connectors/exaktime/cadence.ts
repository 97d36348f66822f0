/**
 * What each ExakTime stream re-reads when (README "ExakTime, by cadence"), and the cursor that says when a stream last
 * read everything. A no-change cycle re-read all of it every 15 minutes (59 requests for the large company,
 * bench/README.md) although the warehouse behind time refreshes only nightly (docs/vendors/exaktime.md §3) and
 * reference data changes by hand, seldom. ExakTime documents no modified-since filter (§2.2, §12), so nothing here
 * reads "changed since": each stream re-reads whole lists or whole days, just not all of them every cycle.
 * @module
 */
import { z } from 'zod'
import { stableHash } from '../../sync/stable-hash'
import { RECENT_DAYS } from './intervals'
import type { ExakTimeSettings } from './settings'


/**
 * When a stream last read everything (`readAt`), and a fingerprint of the settings that shaped what it stored. A
 * settings change (job source, budgets, approval level…) makes the next cycle read everything again at once.
 */
const cadenceCursorSchema = z.object({ readAt: z.iso.datetime().nullable(), settings: z.string().nullable().default(null) })
export type CadenceCursor = z.infer<typeof cadenceCursorSchema>

const NEVER: CadenceCursor = { readAt: null, settings: null }

/** A bare instant is the pay-rate cursor from before this shape; anything unreadable means "read now". */
export function readCadenceCursor(stored: string | null): CadenceCursor {
  if (!stored) return NEVER
  if (!stored.startsWith('{')) return Number.isNaN(Date.parse(stored)) ? NEVER : { readAt: new Date(Date.parse(stored)).toISOString(), settings: null }
  try {
    return cadenceCursorSchema.safeParse(JSON.parse(stored)).data ?? NEVER
  } catch {
    return NEVER
  }
}

/** 16 characters of a hash of the settings a stream depends on (null when it depends on none). */
export const settingsFingerprint = async (value: unknown) => (value === undefined ? null : (await stableHash(value)).slice(0, 16))

/** Whether a pass that last read everything at `last` is due again at `now`. */
export const isDue = (last: CadenceCursor, now: number, everyMs: number, fingerprint: string | null) =>
  !last.readAt || now - Date.parse(last.readAt) >= everyMs || last.settings !== fingerprint

const every = 'Hourly: the whole list (new, changed and removed ones), and at once after the connection settings change.'

/** The connection status's words, per stream, for this connection's settings. */
export function exaktimeCadence(settings: ExakTimeSettings): Record<string, string> {
  const jobs = settings.jobSource === 'job' ? 'Jobs' : 'Locations'
  return {
    CostCodes: every,
    Employees: every,
    PayRates: "Once a day: every employee's pay rates (one request per employee).",
    Jobs: every.replace('the whole list', `the whole list of ${jobs}`),
    Milestones: every.replace('the whole list', `the whole list of ${jobs}`),
    LaborBudgets: `Hourly, and at once after the connection settings change: the budgets set in Protiv for each of the ${jobs}.`,
    TimeRecords:
      `Every sync: the last ${RECENT_DAYS} days, every day of a pay period still open and every older day with time waiting for approval. ` +
      `Hourly, and at once after the connection settings change: the last ${settings.windowDays} days as well, deletions included. Once a day: older days holding only Quarantined Time. ` +
      "ExakTime's warehouse itself refreshes nightly.",
  }
}
