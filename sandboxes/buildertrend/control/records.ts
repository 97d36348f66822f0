/**
 * Silent edits, additions and deletions of a tenant's records, as a person working in Buildertrend would
 * make them: nothing marks the change (rows carry no updated timestamp).
 * @module
 */
import { Hono } from 'hono'
import { buildShift, type BtUser } from '../generate/shifts'
import type { Tenant } from '../tenant/tenant'

type Kind = 'jobs' | 'shifts' | 'budgets' | 'worksheets'
const KINDS: Kind[] = ['jobs', 'shifts', 'budgets', 'worksheets']

const collection = (tenant: Tenant, kind: Kind) => tenant[kind] as Map<number, object>

export interface AddShiftInput {
  userID: number
  name: string
  rate: number
  jobId: number | null
  date: string
  inMinutes: number
  spanMinutes: number | null
  approved?: boolean
  costCodes?: Array<{ id: number; costCodeTitle: string; totalMinutes: number }>
}

export function recordRoutes(find: (id: string) => Tenant) {
  return new Hono()
    .get('/:id/records/:kind', (c) => {
      const kind = c.req.param('kind') as Kind
      if (!KINDS.includes(kind)) return c.json({ message: `kind must be one of ${KINDS.join(', ')}` }, 400)
      const map = collection(find(c.req.param('id')), kind)
      return c.json([...map.entries()].map(([key, value]) => (kind === 'worksheets' ? { jobId: key, ...value } : value)))
    })
    .patch('/:id/records/:kind/:recordId', async (c) => {
      const map = collection(find(c.req.param('id')), c.req.param('kind') as Kind)
      const key = Number(c.req.param('recordId'))
      const current = map?.get(key)
      if (!current) return c.json({ message: 'no such record' }, 404)
      map.set(key, { ...current, ...((await c.req.json()) as object) })
      return c.json(map.get(key))
    })
    .delete('/:id/records/:kind/:recordId', (c) => {
      const map = collection(find(c.req.param('id')), c.req.param('kind') as Kind)
      return map?.delete(Number(c.req.param('recordId'))) ? c.body(null, 204) : c.json({ message: 'no such record' }, 404)
    })
    .post('/:id/records/shifts', async (c) => {
      const tenant = find(c.req.param('id'))
      const input = (await c.req.json()) as AddShiftInput
      const user: BtUser = { id: input.userID, name: input.name, rate: input.rate }
      const job = input.jobId === null ? null : (tenant.jobs.get(input.jobId) ?? null)
      const codes = (input.costCodes ?? []).map((code) => ({ ...code, useDecimal: false }))
      const shift = buildShift({ id: tenant.nextId++, builderId: tenant.builderId, user, job, date: input.date, inAt: input.inMinutes, span: input.spanMinutes, breakMinutes: 0, approved: input.approved ?? false, codes })
      tenant.shifts.set(shift.id, shift)
      return c.json(shift, 201)
    })
}
