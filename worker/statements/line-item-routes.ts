/**
 * `/api/v1/line-items/:id/{hold,release,extend-hold,void}`: admins and managers act on one line item of their
 * organisation; the answer is the item as it now is.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { ExtendHoldRequest, HoldLineItemRequest } from '../../shared/api/statements'
import { requireRole } from '../auth/require-role'
import { createDb } from '../db/client'
import type { AppEnv } from '../env'
import { json, params } from '../http/validate'
import { nowIso } from '../util/clock'
import { actOnLineItem, loadLineItem, type ManagerLineItemAction } from './line-item-actions'
import { toLineItemView } from './view'

const IdParam = z.object({ id: z.string().min(1).max(100) })

async function respond(env: AppEnv['Bindings'], orgId: string, id: string, action: ManagerLineItemAction) {
  const db = createDb(env.DB)
  await actOnLineItem(db, orgId, id, action, nowIso())
  const { item, statement } = await loadLineItem(db, orgId, id)
  return toLineItemView(item, statement)
}

export const lineItemRoutes = new Hono<AppEnv>()
  .post('/:id/hold', requireRole('admin', 'manager'), params(IdParam), json(HoldLineItemRequest), async (c) => {
    const { until } = c.req.valid('json')
    const action: ManagerLineItemAction = until === undefined ? { type: 'hold' } : { type: 'hold', until }
    return c.json(await respond(c.env, c.get('auth').orgId, c.req.valid('param').id, action), 200)
  })
  .post('/:id/release', requireRole('admin', 'manager'), params(IdParam), async (c) =>
    c.json(await respond(c.env, c.get('auth').orgId, c.req.valid('param').id, { type: 'release' }), 200),
  )
  .post('/:id/extend-hold', requireRole('admin', 'manager'), params(IdParam), json(ExtendHoldRequest), async (c) =>
    c.json(await respond(c.env, c.get('auth').orgId, c.req.valid('param').id, { type: 'extend_hold', until: c.req.valid('json').until }), 200),
  )
  .post('/:id/void', requireRole('admin', 'manager'), params(IdParam), async (c) =>
    c.json(await respond(c.env, c.get('auth').orgId, c.req.valid('param').id, { type: 'void' }), 200),
  )
