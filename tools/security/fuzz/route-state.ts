/**
 * Keeps what a route's valid request needs in place while it is fuzzed: the target ProPay in the state the
 * lifecycle route acts on, and undoing a success (a created user, entry or ProPay; a forced sync's cool-down; a
 * deleted connection) so that later requests reach the same depth instead of meeting a 409. Done with the plain
 * D1 binding and admin calls, outside the write detector.
 * @module
 */
import { env } from 'cloudflare:workers'
import type { ProPayDetail } from '../../../shared/api/propays'
import { call } from '../../test/fixtures'
import type { FuzzWorld } from './fuzz-world'

type Status = ProPayDetail['status']

async function statusOf(w: FuzzWorld, id: string): Promise<Status> {
  const res = await call(`/api/v1/propays/${id}`, { token: w.org.users.admin.token })
  return ((await res.json()) as ProPayDetail).status
}

const move = async (w: FuzzWorld, id: string, action: 'approve' | 'unapprove' | 'cancel' | 'restore') => {
  const res = await call(`/api/v1/propays/${id}/${action}`, { method: 'POST', token: w.org.users.admin.token, json: action === 'approve' ? { approvalDate: '2026-05-07' } : undefined })
  if (res.status !== 200) throw new Error(`${action} the fuzz target: ${res.status} ${await res.text()}`)
}

/** Moves the ProPay to `wanted` (active, approved or canceled) by the lifecycle's own routes. */
async function ensure(w: FuzzWorld, id: string, wanted: 'active' | 'approved' | 'canceled') {
  for (let step = 0; step < 3; step++) {
    const now = await statusOf(w, id)
    if (now === wanted) return
    if (now === 'canceled') await move(w, id, 'restore')
    else if (now === 'approved') await move(w, id, wanted === 'canceled' ? 'cancel' : 'unapprove')
    else await move(w, id, wanted === 'approved' ? 'approve' : 'cancel')
  }
  throw new Error(`could not bring the fuzz target to ${wanted}`)
}

const idOf = (text: string) => (JSON.parse(text) as { id: string }).id
const sql = (query: string, ...binds: (string | null)[]) => env.DB.prepare(query).bind(...binds).run()

/**
 * Puts the org's line items back in the state a line-item action starts from (the pay route's
 * fuzz, run earlier, pays some; a success moves one on), so valid requests keep reaching the domain's decision.
 */
const resetLineItems = async (w: FuzzWorld, to: 'held' | 'in_process') => {
  // The pay route's fuzz may have paid every statement: reopen them, as no later route of the group minds.
  await sql("UPDATE statements SET status = 'open', paid_on = NULL WHERE org_id = ?1", w.org.orgId)
  await sql(
    'UPDATE line_items SET status = ?2, hold_reason = ?3, held_until = ?4, paid_on = NULL WHERE org_id = ?1',
    ...(to === 'held' ? [w.org.orgId, 'held', 'waiting_period', '2027-01-01'] : [w.org.orgId, 'in_process', null, null]),
  )
}
const lineItemState = (to: 'held' | 'in_process'): RouteState => ({ setUp: (w) => resetLineItems(w, to), afterSuccess: (w) => resetLineItems(w, to) })

export interface RouteState {
  /** Before the route is fuzzed. */
  setUp?: (w: FuzzWorld) => Promise<void>
  /** After each 2xx: undo it. `url` is the request's, `text` the answer's. */
  afterSuccess?: (w: FuzzWorld, url: string, text: string) => Promise<void>
}

export const routeState: Record<string, RouteState> = {
  'POST /api/v1/users': { afterSuccess: (_, __, text) => sql('DELETE FROM users WHERE id = ?1', idOf(text)).then(() => undefined) },
  'POST /api/v1/connections': { afterSuccess: (_, __, text) => sql('UPDATE connections SET deleted_at = updated_at WHERE id = ?1', idOf(text)).then(() => undefined) },
  'DELETE /api/v1/connections/:id': {
    afterSuccess: async (w) => {
      await env.DB.prepare(`UPDATE connections SET deleted_at = NULL WHERE id IN (${w.spareConnections.map(() => '?').join(', ')})`).bind(...w.spareConnections).run()
    },
  },
  'POST /api/v1/connections/:id/sync': {
    // The cool-down and the lease a forced sync takes would answer every later request with 429 or "already running".
    afterSuccess: (w) => sql('UPDATE connections SET last_forced_at = NULL, lease_token = NULL, lease_until = NULL WHERE id = ?1', w.org.connections.aspire).then(() => undefined),
  },
  'POST /api/v1/connections/:id/page-sync': {
    // The same clock and lease as a forced sync: without a reset every later request would only queue a follow-up.
    afterSuccess: (w) => sql('UPDATE connections SET last_forced_at = NULL, lease_token = NULL, lease_until = NULL WHERE id = ?1', w.org.connections.aspire).then(() => undefined),
  },
  'POST /api/v1/diagnostics/selector-misses': {
    // Each success spends one report of the org's window: without a reset the rest of the run would only meet 429.
    afterSuccess: (w) => sql('DELETE FROM selector_miss_budgets WHERE org_id = ?1', w.org.orgId).then(() => undefined),
  },
  'POST /api/v1/propays': { afterSuccess: (_, __, text) => sql('DELETE FROM propays WHERE id = ?1', idOf(text)).then(() => undefined) },
  // A success moved the target one step: the opposite step puts it back.
  'POST /api/v1/propays/:id/approve': { setUp: (w) => ensure(w, w.target, 'active'), afterSuccess: (w) => move(w, w.target, 'unapprove') },
  'POST /api/v1/propays/:id/unapprove': { setUp: (w) => ensure(w, w.target, 'approved'), afterSuccess: (w) => move(w, w.target, 'approve') },
  'POST /api/v1/propays/:id/cancel': { setUp: (w) => ensure(w, w.target, 'active'), afterSuccess: (w) => move(w, w.target, 'restore') },
  'POST /api/v1/propays/:id/restore': { setUp: (w) => ensure(w, w.target, 'canceled'), afterSuccess: (w) => move(w, w.target, 'cancel') },
  'POST /api/v1/line-items/:id/hold': lineItemState('in_process'),
  'POST /api/v1/line-items/:id/void': lineItemState('in_process'),
  'POST /api/v1/line-items/:id/release': lineItemState('held'),
  'POST /api/v1/line-items/:id/extend-hold': lineItemState('held'),
  'POST /api/v1/time-entries': { afterSuccess: (_, __, text) => sql('DELETE FROM push_records WHERE id = ?1', idOf(text)).then(() => undefined) },
}
