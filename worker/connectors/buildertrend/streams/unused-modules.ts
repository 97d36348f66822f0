/**
 * Whether the company uses Job Costing Budget and Estimates, told from HTTP 500s: a module a company does not use
 * answers 500 for every job (docs/vendors/buildertrend.md §3), but so does a passing outage for one job. A job
 * skipped on a 500 is read again the next cycle, unless the module is *confirmed* unused: it answered 500 for every
 * job in two passes in a row that read every job (the first pass, or one a day after the last, and the re-read of all
 * its skipped jobs the cycle after). Then each job waits for its own time of the next day (job-changes.ts), so a
 * company without the module does not pay two failing requests per job every cycle; any job the module answers for
 * clears it.
 * @module
 */
import { z } from 'zod'

export const MODULES = ['budget', 'worksheet'] as const
export type Module = (typeof MODULES)[number]

export const moduleStatesSchema = z.record(z.string(), z.enum(['suspected', 'confirmed']))
export type ModuleStates = z.infer<typeof moduleStatesSchema>

/** What one pass saw: jobs read, whether that was every job in the list, and the jobs each module answered 500 for. */
export interface ModulePass {
  read: number
  complete: boolean
  failed: Record<Module, number[]>
}

export function judgeModules(before: ModuleStates, pass: ModulePass): ModuleStates {
  const after: ModuleStates = {}
  for (const m of MODULES) {
    const failed = pass.failed[m].length
    if (pass.read > 0 && failed < pass.read) continue
    if (pass.read > 0 && pass.complete) after[m] = before[m] ? 'confirmed' : 'suspected'
    else if (before[m]) after[m] = before[m]
  }
  return after
}

/** The skipped jobs to read again next cycle: those a module not confirmed unused failed for. */
export const jobsToRetry = (states: ModuleStates, failed: Record<Module, number[]>) => [...new Set(MODULES.flatMap((m) => (states[m] === 'confirmed' ? [] : failed[m])))]
