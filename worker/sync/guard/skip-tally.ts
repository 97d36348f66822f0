/**
 * Counts of records skipped (or fields emptied) by the value rules during one pass of a stream, and the sentence
 * people read about them. Stored as JSON on the stream: `{ "timeEntries|skipped|hours out of range": 3 }`.
 * @module
 */
import type { SyncedTableName } from '../../db/schema'
import { nounOf } from './value-rules'

export type SkipTally = Record<string, number>

export interface Skip {
  table: SyncedTableName
  action: 'skipped' | 'emptied'
  /** e.g. "hours out of range" */
  reason: string
}

const keyOf = (s: Skip) => `${s.table}|${s.action}|${s.reason}`

export function addSkip(tally: SkipTally, skip: Skip, count = 1) {
  const key = keyOf(skip)
  tally[key] = (tally[key] ?? 0) + count
}

export function mergeTallies(...tallies: Array<SkipTally | null | undefined>): SkipTally {
  const merged: SkipTally = {}
  for (const tally of tallies) for (const [key, count] of Object.entries(tally ?? {})) merged[key] = (merged[key] ?? 0) + count
  return merged
}

const parse = (key: string): Skip => {
  const [table, action, ...reason] = key.split('|')
  return { table: table as SyncedTableName, action: action as Skip['action'], reason: reason.join('|') }
}

/** The reason's column label, for an "imported without …" sentence: "contract price out of range" → "contract price". */
const withoutWhat = (reason: string) => reason.replace(/ (missing|not a number|out of range|not a real date|too long|not a known value)$/, '')

/**
 * "3 time entries skipped: hours out of range; 1 job imported without its contract price (out of range)." —
 * skips first, biggest counts first, then by reason; null when nothing was skipped.
 */
export function skipNotice(tally: SkipTally | null | undefined): string | null {
  const entries = Object.entries(tally ?? {})
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ ...parse(key), count }))
    .sort((a, b) => (a.action !== b.action ? (a.action === 'skipped' ? -1 : 1) : b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0)))
  if (!entries.length) return null
  const parts = entries.map(({ table, action, reason, count }) => {
    const what = `${count.toLocaleString('en-US')} ${nounOf(table, count)}`
    if (action === 'skipped') return `${what} skipped: ${reason}`
    const problem = reason.slice(withoutWhat(reason).length + 1)
    return `${what} imported without ${withoutWhat(reason)} (${problem})`
  })
  return `${parts.join('; ')}.`
}
