/**
 * Control routes that stage scenarios on one tenant: faults, work ticket status changes, pay rate
 * changes, the clock, token expiry and the request log.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { ApiError } from '../api-error'
import type { SandboxCore } from '../sandbox-core'
import { upsertPayRate } from '../tenant/pay-rates'
import { transitionTicket } from '../tenant/transitions'
import { DAY, HOUR, MINUTE, normalizeDateTime } from '../time/local-time'
import { parseBody } from './parse-body'
import { requireTenant } from './require-tenant'
import { clockSchema, expireTokensSchema, faultSchema, payRateSchema, ticketActionBodySchema, ticketActionSchema } from './schemas'

export const scenarioRoutes = (core: SandboxCore) =>
  new Hono()
    .get('/faults', (c) => c.json(requireTenant(core, c).faults.list()))
    .post('/faults', async (c) => {
      const tenant = requireTenant(core, c)
      const body = await parseBody(c, z.union([faultSchema, z.array(faultSchema)]))
      const added = (Array.isArray(body) ? body : [body]).map((spec) => tenant.faults.add(spec))
      return c.json(added, 201)
    })
    .delete('/faults', (c) => {
      requireTenant(core, c).faults.clear()
      return c.body(null, 204)
    })
    .post('/work-tickets/:ticketId/:action', async (c) => {
      const tenant = requireTenant(core, c)
      const action = ticketActionSchema.safeParse(c.req.param('action'))
      if (!action.success) throw new ApiError(404, `Unknown action '${c.req.param('action')}'. Known: ${ticketActionSchema.options.join(', ')}.`)
      const body = await parseBody(c, ticketActionBodySchema)
      return c.json(transitionTicket(tenant, Number(c.req.param('ticketId')), action.data, body))
    })
    .put('/pay-rates', async (c) => {
      const tenant = requireTenant(core, c)
      const body = await parseBody(c, payRateSchema)
      const effectiveDate = normalizeDateTime(body.EffectiveDate)
      if (effectiveDate === null) throw new ApiError(400, `Invalid EffectiveDate '${body.EffectiveDate}'.`)
      const previous = tenant.data.PayRates.all().filter((rate) => rate.ContactID === body.ContactID).at(-1)
      const row = upsertPayRate(tenant, {
        ContactID: body.ContactID,
        EffectiveDate: `${effectiveDate.slice(0, 10)}T00:00:00`,
        HourlyBasePay: body.HourlyBasePay,
        BurdenPercent: body.BurdenPercent ?? previous?.BurdenPercent ?? 20,
      })
      return c.json(row)
    })
    .post('/clock', async (c) => {
      const tenant = requireTenant(core, c)
      const body = await parseBody(c, clockSchema)
      if (body.set !== undefined) tenant.clockOffsetMs = Date.parse(body.set) - core.now()
      tenant.clockOffsetMs +=
        (body.advanceMs ?? 0) + (body.advanceSeconds ?? 0) * 1000 + (body.advanceMinutes ?? 0) * MINUTE + (body.advanceHours ?? 0) * HOUR + (body.advanceDays ?? 0) * DAY
      return c.json({ now: new Date(tenant.now()).toISOString(), localNow: tenant.localNow(), offsetMs: tenant.clockOffsetMs })
    })
    .post('/expire-tokens', async (c) => {
      const tenant = requireTenant(core, c)
      const body = await parseBody(c, expireTokensSchema)
      tenant.tokenGeneration++
      if (body.refreshTokens) tenant.refreshGeneration++
      return c.body(null, 204)
    })
    .get('/requests', (c) => {
      const tenant = requireTenant(core, c)
      const since = Number(c.req.query('since') ?? 0)
      return c.json({ total: tenant.log.total, entries: tenant.log.since(Number.isFinite(since) ? since : 0) })
    })
    .delete('/requests', (c) => {
      requireTenant(core, c).log.clear()
      return c.body(null, 204)
    })
