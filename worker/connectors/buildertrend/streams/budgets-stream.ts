/**
 * Labor budgets per job (job costing budget + estimate worksheet), a few jobs per page, keyset by job id.
 * Neither shows in the job picker (docs/vendors/buildertrend.md §7), so a job's budget is re-read when its picker row
 * changed (a new job above all) and once a day for every job, spread over the day (job-changes.ts): a budget edited
 * alone arrives within a day. Each pass deletes by absence the budget lines of the jobs it read whole (budget and
 * estimate both answered), and those of jobs gone from the list.
 * A module the company doesn't use answers HTTP 500: that job is skipped, the stream says so in its
 * notice, and its lines are kept (the pass did not see them). Such a job is read again the next cycle, or,
 * once the module is confirmed unused company-wide, at its time of the next day (unused-modules.ts).
 * @module
 */
import { z } from 'zod'
import type { CanonicalRow, Stream, StreamPage, StreamState } from '../../../sync/connector'
import { VendorError } from '../../../sync/vendor-error'
import { type BtContext, btApi, btApix } from '../client'
import { mapBudgets } from '../map/budgets'
import { mapCostCode } from '../map/people'
import type { BuildertrendCredentials, BuildertrendSettings } from '../settings'
import type { BtBudgetResponse, BtWorksheet } from '../types'
import { changePassFields, endCursor, goneJobs, modulesOf, progressOf, startChangePass, walkJobs } from './job-changes'
import { listJobs } from './job-list'
import { jobsToRetry, judgeModules } from './unused-modules'

const checkpointSchema = z.object({
  ...changePassFields,
  skipped: z.number(),
  /** Jobs walked and read so far this pass: a pass that read every job can judge a module unused. */
  walked: z.number(),
  read: z.number(),
  /** Jobs each module answered HTTP 500 for this pass. */
  failed: z.object({ budget: z.array(z.number()), worksheet: z.array(z.number()) }),
  /** Jobs read whole this pass (budget and estimate both answered): the pass deletes their lines it did not see. */
  whole: z.array(z.number()).default([]),
})
type Checkpoint = z.infer<typeof checkpointSchema>

const JOBS_PER_PAGE = 10
/** The budget page's filter: every cost type, category and status (docs/vendors/buildertrend.md §7). */
const BUDGET_FILTER = JSON.stringify({})

export const budgetsNotice = (skipped: number) =>
  `Buildertrend answered an error for the budget or estimate of ${skipped} job${skipped === 1 ? '' : 's'}, which happens when a company doesn't use Job Costing Budget or Estimates. Those budgets were skipped.`

/** null when the module answers 500 (unused); other errors stop the run as usual. */
async function unlessUnused<T>(read: () => Promise<T>): Promise<T | null | 'unused'> {
  try {
    return await read()
  } catch (err) {
    if (err instanceof VendorError && err.options.status === 500) return 'unused'
    throw err
  }
}

async function nextPage(ctx: BtContext, state: StreamState<Checkpoint>): Promise<StreamPage<Checkpoint>> {
  const cp = state.checkpoint ?? { ...startChangePass(ctx, state), skipped: 0, walked: 0, read: 0, failed: { budget: [], worksheet: [] }, whole: [] }
  const jobs = await listJobs(ctx)
  const walk = await walkJobs(jobs, cp, state.cursor, JOBS_PER_PAGE)
  const budgets: CanonicalRow<'budgets'>[] = []
  const codes = new Map<number, CanonicalRow<'costCodes'>>()
  let skipped = cp.skipped
  const failed = { budget: [...cp.failed.budget], worksheet: [...cp.failed.worksheet] }
  const whole = [...cp.whole]
  for (const { jobId } of walk.toRead) {
    const budget = await unlessUnused(() => btApix<BtBudgetResponse>(ctx, '/apix/v2/JobCostingBudget', { jobId, filter: BUDGET_FILTER }))
    const worksheet = await unlessUnused(() => btApi<BtWorksheet>(ctx, `/api/Proposals/${jobId}/Worksheet`))
    if (budget === 'unused') failed.budget.push(jobId)
    if (worksheet === 'unused') failed.worksheet.push(jobId)
    if (budget === 'unused' || worksheet === 'unused') skipped++
    else whole.push(jobId)
    budgets.push(...mapBudgets(jobId, budget === 'unused' ? null : budget, worksheet === 'unused' ? null : worksheet))
    if (budget !== 'unused') for (const c of budget?.costCategories?.flatMap((k) => k.costCodes ?? []) ?? []) codes.set(c.id, mapCostCode(c.id, c.title))
  }
  const upserts = [
    { table: 'costCodes' as const, rows: [...codes.values()] },
    { table: 'budgets' as const, rows: budgets },
  ]
  // Presence counts per job: the pass deletes only lines of the jobs it read whole (and of jobs gone), below.
  const page: StreamPage<Checkpoint> = { upserts, seen: budgets.map((b) => b.externalId), checkpoint: null }
  const next: Checkpoint = { ...walk.pass, skipped, walked: cp.walked + walk.walked.length, read: cp.read + walk.toRead.length, failed, whole }
  if (!walk.done) {
    page.checkpoint = next
    page.progress = progressOf(jobs, walk.pass.afterId)
    return page
  }
  const modules = judgeModules(modulesOf(state.cursor), { read: next.read, complete: next.read === next.walked, failed })
  // A skipped job keeps no row hash, so the next pass reads it again, unless its module is confirmed unused.
  const rows = { ...walk.pass.rows }
  for (const jobId of jobsToRetry(modules, failed)) delete rows[jobId]
  page.cursor = endCursor({ ...walk.pass, rows }, state.cursor, modules)
  const scoped = [...whole.map(String), ...goneJobs(state.cursor, jobs)]
  if (scoped.length) page.deletionScope = { table: 'budgets', equals: { column: 'kind', value: 'labor' }, within: { column: 'job_external_id', values: scoped } }
  // A pass that read every job says how many were skipped; one that read a few leaves the notice as it was, unless
  // nothing failed and no module is held unused (the module works again).
  if (next.read === next.walked) page.notice = skipped ? budgetsNotice(skipped) : null
  else if (skipped === 0 && Object.keys(modules).length === 0) page.notice = null
  return page
}

export const budgetsStream: Stream<BuildertrendCredentials, BuildertrendSettings, Checkpoint> = { name: 'Budgets', label: 'Labor budgets', checkpointSchema, nextPage }
