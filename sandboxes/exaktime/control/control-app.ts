/**
 * `/__control`: tests and local development drive the sandbox here (no Arcoro auth, never throttled or
 * logged). See README.md for the table of routes.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { readBody } from '../api/bodies'
import { notFound } from '../errors'
import type { SandboxCore } from '../sandbox-core'
import { randomToken, type Tenant } from '../tenant/tenant'
import { timeSummary } from '../tenant/summary'
import { addRecord, approve, deleteRecord, editRecord, releaseRecord, setPeriodClosed } from '../tenant/time-ops'
import { ConfigPatch, CreateTenant, RecordPatch, RecordPost, ApproveBody, ClockBody, FaultBody, ApiKeyBody } from './schemas'

type ControlEnv = { Variables: { tenant: Tenant } }

export function summarize(t: Tenant, baseUrl: string) {
  const d = t.data
  return {
    companyId: t.companyId,
    apiBaseUrl: baseUrl,
    apiKeys: t.keys,
    timeZone: t.options.timeZone,
    jobSource: t.options.jobSource,
    hostile: t.options.hostile ?? false,
    config: t.config,
    now: new Date(t.now()).toISOString(),
    today: t.today(),
    warehouseRefreshedAt: new Date(t.warehouse.refreshedAt).toISOString(),
    counts: { employees: d.employees.length, locations: d.locations.length, jobs: d.jobs.length, costCodes: d.costCodes.length, timeRecords: d.timeRecords.length, approvals: d.approvals.length, payPeriods: d.payPeriods.length },
  }
}

const RECORDS = {
  employees: (t: Tenant) => t.data.employees,
  locations: (t: Tenant) => t.data.locations,
  jobs: (t: Tenant) => t.data.jobs,
  costCodes: (t: Tenant) => t.data.costCodes,
  timeRecords: (t: Tenant) => t.data.timeRecords,
  approvals: (t: Tenant) => t.data.approvals,
  payPeriods: (t: Tenant) => t.data.payPeriods,
} as const

export function createControlApp(core: SandboxCore) {
  const app = new Hono<ControlEnv>()
  const base = (url: string) => new URL(url).origin
  const id = (raw: string) => Number(raw)

  app.get('/', (c) => c.json({ tenants: [...core.tenants.values()].map((t) => summarize(t, base(c.req.url))) }))
  app.post('/tenants', async (c) => c.json(summarize(core.createTenant(await readBody(c, CreateTenant)), base(c.req.url)), 201))
  app.use('/tenants/:companyId/*', async (c, next) => {
    const tenant = core.tenants.get(c.req.param('companyId').toLowerCase())
    if (!tenant) throw notFound(`No company '${c.req.param('companyId')}'.`)
    c.set('tenant', tenant)
    await next()
  })
  app.use('/tenants/:companyId', async (c, next) => {
    const tenant = core.tenants.get(c.req.param('companyId').toLowerCase())
    if (!tenant) throw notFound(`No company '${c.req.param('companyId')}'.`)
    c.set('tenant', tenant)
    await next()
  })
  app.get('/tenants/:companyId', (c) => c.json(summarize(c.get('tenant'), base(c.req.url))))
  app.patch('/tenants/:companyId', async (c) => {
    Object.assign(c.get('tenant').config, await readBody(c, ConfigPatch))
    return c.json(summarize(c.get('tenant'), base(c.req.url)))
  })
  app.delete('/tenants/:companyId', (c) => {
    core.deleteTenant(c.get('tenant').companyId)
    return c.body(null, 204)
  })
  app.post('/tenants/:companyId/reset', (c) => {
    c.get('tenant').reset()
    return c.json(summarize(c.get('tenant'), base(c.req.url)))
  })
  app.get('/tenants/:companyId/records/:kind', (c) => {
    const list = RECORDS[c.req.param('kind') as keyof typeof RECORDS]
    if (!list) throw notFound(`Unknown record kind '${c.req.param('kind')}'; use one of ${Object.keys(RECORDS).join(', ')}.`)
    return c.json(list(c.get('tenant')))
  })
  app.get('/tenants/:companyId/time-summary', (c) => {
    const t = c.get('tenant')
    const level = c.req.query('level') === 'supervisor' ? 'supervisor' : 'sign_off'
    const data = c.req.query('source') === 'live' ? t.data : t.warehouseView().data
    return c.json(timeSummary(data, level, c.req.query('from')))
  })
  app.post('/tenants/:companyId/time-records', async (c) => c.json(addRecord(c.get('tenant'), await readBody(c, RecordPost)), 201))
  app.patch('/tenants/:companyId/time-records/:id', async (c) => c.json(editRecord(c.get('tenant'), id(c.req.param('id')), await readBody(c, RecordPatch))))
  app.delete('/tenants/:companyId/time-records/:id', (c) => {
    deleteRecord(c.get('tenant'), id(c.req.param('id')))
    return c.body(null, 204)
  })
  app.post('/tenants/:companyId/time-records/:id/release', (c) => c.json(releaseRecord(c.get('tenant'), id(c.req.param('id')))))
  app.post('/tenants/:companyId/approvals', async (c) => c.json(approve(c.get('tenant'), await readBody(c, ApproveBody))))
  app.post('/tenants/:companyId/pay-periods/:id/:action{close|open}', (c) => c.json(setPeriodClosed(c.get('tenant'), id(c.req.param('id')), c.req.param('action') === 'close')))
  app.post('/tenants/:companyId/refresh', (c) => {
    c.get('tenant').refresh()
    return c.json({ refreshedAt: new Date(c.get('tenant').warehouse.refreshedAt).toISOString() })
  })
  app.post('/tenants/:companyId/clock', async (c) => {
    const t = c.get('tenant')
    const body = await readBody(c, ClockBody)
    if (body.set) t.offsetMs = Date.parse(body.set) - (t.now() - t.offsetMs)
    t.offsetMs += (body.advanceMs ?? 0) + (body.advanceHours ?? 0) * 3600_000 + (body.advanceDays ?? 0) * 86_400_000
    return c.json({ now: new Date(t.now()).toISOString(), today: t.today(), offsetMs: t.offsetMs })
  })
  app.post('/tenants/:companyId/api-keys', async (c) => {
    const body = await readBody(c, ApiKeyBody)
    const key = { key: body.key ?? `arc_${randomToken(24)}`, access: body.access, ...(body.denied ? { denied: body.denied } : {}) }
    c.get('tenant').keys.push(key)
    return c.json(key, 201)
  })
  app.delete('/tenants/:companyId/api-keys/:key', (c) => {
    const t = c.get('tenant')
    t.keys = t.keys.filter((k) => k.key !== c.req.param('key'))
    return c.body(null, 204)
  })
  app.get('/tenants/:companyId/faults', (c) => c.json(c.get('tenant').faults.list()))
  app.post('/tenants/:companyId/faults', async (c) => {
    const body = await readBody(c, z.union([FaultBody, z.array(FaultBody)]))
    for (const fault of Array.isArray(body) ? body : [body]) c.get('tenant').faults.add(fault)
    return c.json(c.get('tenant').faults.list(), 201)
  })
  app.delete('/tenants/:companyId/faults', (c) => {
    c.get('tenant').faults.clear()
    return c.body(null, 204)
  })
  app.get('/tenants/:companyId/requests', (c) => {
    const since = Number(c.req.query('since') ?? 0)
    const log = c.get('tenant').log
    return c.json({ total: log.total, entries: log.since(since) })
  })
  app.delete('/tenants/:companyId/requests', (c) => {
    c.get('tenant').log.clear()
    return c.body(null, 204)
  })
  return app
}
