/**
 * Arcoro REST (`/v1/...`, paths as a public MCP wrapper calls them, *unverified*): Jobs and Cost Codes
 * (GET, POST, GET by id, PUT that replaces the whole object, no DELETE: deactivate instead), Employees,
 * an employee's records with pay rates, and Locations. No budget resource exists (docs/vendors/exaktime.md §6).
 * @module
 */
import { Hono } from 'hono'
import { notFound, SandboxError } from '../errors'
import type { Tenant } from '../tenant/tenant'
import type { CostCode, Employee, Job } from '../tenant/types'
import { CostCodeBody, JobBody, readBody } from './bodies'
import type { GuardEnv } from './guard'
import { paged } from './paging'

const idParam = (raw: string) => {
  const id = Number(raw)
  if (!Number.isInteger(id)) throw notFound(`No resource with id '${raw}'.`)
  return id
}

function checkJob(t: Tenant, body: Omit<Job, 'id'>, id: number | null) {
  if (t.data.jobs.some((j) => j.identifier === body.identifier && j.id !== id)) throw new SandboxError(409, 'Conflict', `A job with identifier '${body.identifier}' already exists.`)
  if (body.parent_job_id !== null && (body.parent_job_id === id || !t.data.jobs.some((j) => j.id === body.parent_job_id))) {
    throw new SandboxError(400, 'BadRequest', `parent_job_id ${body.parent_job_id} is not another existing job.`)
  }
}

function checkCostCode(t: Tenant, body: Omit<CostCode, 'id'>, id: number | null) {
  if (t.data.costCodes.some((c) => c.name.toLowerCase() === body.name.toLowerCase() && c.id !== id)) throw new SandboxError(409, 'Conflict', `A cost code named '${body.name}' already exists.`)
}

const summary = (e: Employee) => ({
  person_id: e.person_id,
  employee_id: e.employee_id,
  first_name: e.first_name,
  last_name: e.last_name,
  email: e.email,
  job_title: e.job_title,
  department: e.department,
  is_active: e.is_active,
  modules: ['Time'],
})

const employment = (e: Employee) => ({
  employee_id: e.employee_id,
  hire_date: e.hire_date,
  termination_date: e.termination_date,
  status: e.is_active ? 'Active' : 'Terminated',
  employment_type: 'Full Time',
  pay_type: 'Hourly',
  pay_rates: e.pay_rates,
  job_code: e.job_title === 'Foreman' ? 'FORE' : 'LAB',
  manager_person_id: null,
  location_id: null,
  department: e.department,
  pay_schedule: 'Weekly',
  union: null,
})

export function createRestApp() {
  const app = new Hono<GuardEnv>()
  const q = (c: { req: { query(name: string): string | undefined } }) => (name: string) => c.req.query(name)

  app.get('/Time/Jobs', (c) => c.json(paged(c.get('tenant').data.jobs, q(c))))
  app.get('/Time/Jobs/:id', (c) => {
    const job = c.get('tenant').data.jobs.find((j) => j.id === idParam(c.req.param('id')))
    if (!job) throw notFound(`Job ${c.req.param('id')} does not exist.`)
    return c.json(job)
  })
  app.post('/Time/Jobs', async (c) => {
    const t = c.get('tenant')
    const body = await readBody(c, JobBody)
    checkJob(t, body, null)
    const job = { ...body, id: t.data.nextId.job++ }
    t.data.jobs.push(job)
    return c.json(job, 201)
  })
  app.put('/Time/Jobs/:id', async (c) => {
    const t = c.get('tenant')
    const id = idParam(c.req.param('id'))
    const index = t.data.jobs.findIndex((j) => j.id === id)
    if (index < 0) throw notFound(`Job ${id} does not exist.`)
    const body = await readBody(c, JobBody)
    checkJob(t, body, id)
    t.data.jobs[index] = { ...body, id }
    return c.json(t.data.jobs[index])
  })

  app.get('/Time/CostCodes', (c) => c.json(paged(c.get('tenant').data.costCodes, q(c))))
  app.get('/Time/CostCodes/:id', (c) => {
    const code = c.get('tenant').data.costCodes.find((x) => x.id === idParam(c.req.param('id')))
    if (!code) throw notFound(`Cost code ${c.req.param('id')} does not exist.`)
    return c.json(code)
  })
  app.post('/Time/CostCodes', async (c) => {
    const t = c.get('tenant')
    const body = await readBody(c, CostCodeBody)
    checkCostCode(t, body, null)
    const code = { ...body, id: t.data.nextId.costCode++ }
    t.data.costCodes.push(code)
    return c.json(code, 201)
  })
  app.put('/Time/CostCodes/:id', async (c) => {
    const t = c.get('tenant')
    const id = idParam(c.req.param('id'))
    const index = t.data.costCodes.findIndex((x) => x.id === id)
    if (index < 0) throw notFound(`Cost code ${id} does not exist.`)
    const body = await readBody(c, CostCodeBody)
    checkCostCode(t, body, id)
    t.data.costCodes[index] = { ...body, id }
    return c.json(t.data.costCodes[index])
  })

  app.get('/Common/Persons/Employees', (c) => c.json(paged(c.get('tenant').data.employees.map(summary), q(c))))
  app.get('/Common/Persons/:personId/Employees', (c) => {
    const person = c.get('tenant').data.employees.find((e) => e.person_id === idParam(c.req.param('personId')))
    if (!person) throw notFound(`Person ${c.req.param('personId')} does not exist.`)
    return c.json(paged([employment(person)], q(c)))
  })
  app.get('/Common/Locations', (c) => c.json(paged(c.get('tenant').data.locations, q(c))))
  return app
}
