/**
 * Flags on approved or paid ProPays whose covered work the vendor un-completed or deleted (docs/domain/propay.md §4.4:
 * flagged for a person, never reversed), and the flag taken off once the work is complete again.
 * @module
 */
import type { ProPayRow } from '../db/schema'
import { incompleteCoverageMessage } from './domain'
import { coverageOf, type JobData } from './load-job-data'

export interface FlagChange {
  id: string
  attention: string | null
  updatedAt: string
}

/** The attention changes among `rows`, from the jobs and milestones in `data` (no time or wages needed). */
export function planFlags(data: JobData, rows: readonly ProPayRow[], now: string): FlagChange[] {
  const changes: FlagChange[] = []
  for (const row of rows) {
    if (row.status !== 'approved' && row.status !== 'paid') continue
    const coverage = coverageOf(data, row)
    const problem =
      coverage.job === null
        ? 'The vendor no longer has this job. The approval stands; check it.'
        : (incompleteCoverageMessage(coverage.milestones.map((m) => ({ id: m.externalId, status: m.status }))) ?? null)
    const attention = problem === null ? null : `Changed at the vendor after approval: ${problem}`
    // Unchanged flags are not written again: a round repeated after a crash changes nothing.
    if (attention !== row.attention) changes.push({ id: row.id, attention, updatedAt: now })
  }
  return changes
}
