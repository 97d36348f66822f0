/**
 * Account, jobs, job detail, estimate worksheet and job costing budget (docs/vendors/buildertrend.md §2, §5, §7). The job
 * picker lists the General pseudo-job (id 0) and never the contract price; `/apix/v2` has no envelope.
 * @module
 */
import { Hono } from 'hono'
import type { BtJob } from '../tenant/shapes'
import type { Tenant } from '../tenant/tenant'
import { envelope, failure } from './envelope'
import type { BtEnv } from './types'

const GENERAL_JOB = { jobId: 0, jobName: 'General', status: 1, isClosed: false, dateOpened: null, projectedStartDate: null, actualStartDate: null, projectedClosingDate: null }

const pickerRow = ({ contractPrice: _price, ...row }: BtJob) => row

const unused = (tenant: Tenant, module: 'JobCostingBudget' | 'Worksheet') => tenant.faults.unusedModules.includes(module)

async function jsonBody(req: { json(): Promise<unknown> }): Promise<Record<string, unknown> | null> {
  const body = await req.json().catch(() => null)
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : null
}

export const jobRoutes = new Hono<BtEnv>()
  .get('/api/AccountInfo/GlobalInfo', (c) => {
    const t = c.get('tenant')
    return c.json(envelope({ builderId: t.builderId, builderName: t.builderName, userId: 1, userName: 'Office Admin', email: t.username, portalType: 1 }))
  })
  // Bodies of public code (docs/vendors/buildertrend.md §16.6): BOS-MIG's grid-style one with `filters` and `builderId`
  // (a string), BC-VERBS's `{searchText, includeClosedJobs}`, BOS-TC's `{searchTerm, showTemplates, showGeneral}`.
  .post('/api/jobpicker/GetJobPickerData', async (c) => {
    const body = await jsonBody(c.req)
    if (!body) return c.json(failure('The request body must be JSON.'), 400)
    if (body.filters !== undefined && typeof body.filters !== 'string') return c.json(failure('filters must be a JSON-encoded string.'), 400)
    const tenant = c.get('tenant')
    // Another company's id is refused (*assumed*: what the real picker does with it is unknown).
    if (body.builderId !== undefined && String(body.builderId) !== String(tenant.builderId)) return c.json(failure('You do not have access to this builder.'))
    const search = String(body.searchText ?? body.searchTerm ?? '').trim().toLowerCase()
    const jobs = [...tenant.jobs.values()]
      .filter((j) => body.includeClosedJobs !== false || j.status !== 0)
      .filter((j) => !search || (j.jobName ?? '').toLowerCase().includes(search))
      .sort((a, b) => a.jobId - b.jobId)
      .map(pickerRow)
    return c.json(envelope({ jobs: [GENERAL_JOB, ...jobs] }))
  })
  .get('/api/Jobsites/:id', (c) => {
    const job = c.get('tenant').jobs.get(Number(c.req.param('id')))
    if (!job) return c.json(failure('This job does not exist or has been deleted.'))
    return c.json(envelope({ jobInfo: { jobId: job.jobId, jobName: job.jobName, contractPrice: job.contractPrice, status: job.status } }))
  })
  .get('/api/Proposals/:id/Worksheet', (c) => {
    const tenant = c.get('tenant')
    if (unused(tenant, 'Worksheet')) return c.json({ Message: 'An error has occurred.' }, 500)
    const id = Number(c.req.param('id'))
    if (!tenant.jobs.has(id)) return c.json(failure('This job does not exist or has been deleted.'))
    return c.json(envelope(tenant.worksheets.get(id) ?? { worksheetLocked: false, lockedByName: null, lockedByDate: null, formatData: [] }))
  })
  .post('/apix/v2/JobCostingBudget', async (c) => {
    const tenant = c.get('tenant')
    if (unused(tenant, 'JobCostingBudget')) return c.json({ Message: 'An error has occurred.' }, 500)
    const body = await jsonBody(c.req)
    if (!body || typeof body.filter !== 'string') return c.json({ message: 'filter must be a JSON-encoded string.' }, 400)
    const budget = tenant.budgets.get(Number(body.jobId))
    if (!budget) return c.json({ message: 'Job not found.' }, 404)
    const { jobId: _jobId, ...payload } = budget
    return c.json(payload)
  })
