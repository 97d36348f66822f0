/**
 * Aspire under chaos: a small seeded tenant, edits/deletions/additions of time, materials, employees,
 * pay rates and ticket statuses behind our back, expired tokens, and two-way writes through our API
 * whose every push must land in Aspire exactly once.
 * @module
 */
import { getTableName } from 'drizzle-orm'
import { env } from 'cloudflare:workers'
import { materialAllocations, timeEntries } from '../../db/schema'
import { connectAspire, control, createTenant, records, type SandboxTenant } from '../../../tools/test/aspire-sandbox'
import { odataDateTime } from './odata-literal'
import { PRESENCE_EVERY_MS } from './pass-cursor'
import { call } from '../../../tools/test/fixtures'
import type { Rng } from '../../../tools/chaos/rng'
import { READ_FAULTS, type ChaosTenant, type ChaosVendor } from '../../../tools/chaos/scenario'

type Time = { WorkTicketTimeID: number; ContactID: number; WorkTicketID: number; WorkTicketTimeDate: string; Hours: number }
type Allocation = { ItemAllocationID: number; WorkTicketID: number; CatalogItemID: number | null; InventoryLocationID: number | null; ItemQuantity: number }
type Ticket = { WorkTicketID: number; WorkTicketStatus: string; BranchID: number | null }
type Contact = { ContactID: number; ContactTypeName: string; TerminationDate: string | null }
type Push = { id: string; kind: 'time_entry' | 'material'; state: string; vendorExternalId: string | null }

/** US zones from Hawaii to Eastern (Arizona without DST) and one beyond, so a tenant can span more than 6 hours. */
const CHAOS_ZONES = ['Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Phoenix', 'America/Denver', 'America/Chicago', 'America/New_York', 'Europe/London'] as const

const q = (filter: string) => `?$filter=${encodeURIComponent(filter)}`
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

export const aspireChaos: ChaosVendor = {
  vendor: 'aspire',
  frequencyMs: 15 * 60_000,
  // Silent deletions are found by the hourly presence pass (pass-cursor.ts).
  slowestCadenceMs: PRESENCE_EVERY_MS,
  faults: [...READ_FAULTS, 'lost-response'],
  async createTenant(rng: Rng): Promise<ChaosTenant> {
    // Branches in mixed zones: Aspire stamps each change in its branch's wall-clock time, so a later change in a
    // western branch carries an earlier stamp than an eastern one (issue #18); the changes pass must still read it.
    const branches = rng.int(1, 4)
    const branchZones = Array.from({ length: branches }, () => rng.pick(CHAOS_ZONES))
    const tenant = await createTenant({
      seed: rng.int(1, 2 ** 30),
      size: { branches, employees: rng.int(3, 6), workTickets: rng.int(4, 10), timeEntries: rng.int(20, 70), days: 10 },
      branchZones,
      config: { listEnvelope: rng.pick(['array', 'value']) },
    })
    const pageSize = rng.int(4, 30)
    const base = `/tenants/${tenant.clientId}`
    const tickets = await records<Ticket>(tenant, 'WorkTickets', q("WorkTicketStatus ne 'Canceled'"))
    // Tickets our pushes write to are never completed behind our back, so a refused push is always a bug.
    const pushTickets = tickets.filter((_, i) => i % 2 === 1)
    const statusTickets = tickets.filter((_, i) => i % 2 === 0)
    const employees = (await records<Contact>(tenant, 'Contacts', q("ContactTypeName eq 'Employee'"))).filter((c) => !c.TerminationDate)
    const allocations = await records<Allocation>(tenant, 'ItemAllocations', q('InventoryLocationID ne null'))
    const vendorIds = async () => ({
      times: new Set((await records<Time>(tenant, 'WorkTicketTimes')).map((t) => String(t.WorkTicketTimeID))),
      allocations: new Set((await records<Allocation>(tenant, 'ItemAllocations')).map((a) => String(a.ItemAllocationID))),
    })
    const initial = await vendorIds()
    const added = { times: new Set<string>(), allocations: new Set<string>() }
    const deleted = { times: new Set<string>(), allocations: new Set<string>() }
    const slots = rng.shuffle([2, 3].flatMap((d) => [0, 2, 4, 6, 8].map((h) => ({ day: daysAgo(d), hour: h }))))
    const pushesMade: string[] = []

    /** Recent records only: silent deletions older than the reconciliation window are, by design, not seen. */
    const recentTimes = async () => (await records<Time>(tenant, 'WorkTicketTimes', q(`WorkTicketTimeDate ge ${odataDateTime(daysAgo(7))}`))).filter((t) => initial.times.has(String(t.WorkTicketTimeID)) || added.times.has(String(t.WorkTicketTimeID)))

    const mutations: Array<(rng: Rng) => Promise<void>> = [
      async (r) => {
        const times = await recentTimes()
        if (times.length) await control(`${base}/records/WorkTicketTimes/${r.pick(times).WorkTicketTimeID}`, { method: 'PATCH', json: { Hours: r.int(1, 40) / 4 } })
      },
      async (r) => {
        const times = await recentTimes()
        if (!times.length) return
        const victim = r.pick(times)
        await control(`${base}/records/WorkTicketTimes/${victim.WorkTicketTimeID}`, { method: 'DELETE' })
        deleted.times.add(String(victim.WorkTicketTimeID))
      },
      async (r) => {
        if (!employees.length || !tickets.length) return
        const day = daysAgo(r.int(1, 6))
        const ticket = r.pick(tickets)
        // The ticket's branch, as Aspire copies it onto every time row (§12.7): a raw row without one would be stamped
        // in the company zone, which no branch has here and the zone spread does not cover (see the report of #16).
        const [row] = await control<Time[]>(`${base}/records/WorkTicketTimes`, {
          json: { ContactID: r.pick(employees).ContactID, WorkTicketID: ticket.WorkTicketID, BranchID: ticket.BranchID, WorkTicketTimeDate: `${day}T00:00:00`, Hours: r.int(1, 32) / 4 },
        })
        added.times.add(String(row!.WorkTicketTimeID))
      },
      async (r) => {
        const live = (await records<Allocation>(tenant, 'ItemAllocations')).filter((a) => initial.allocations.has(String(a.ItemAllocationID)))
        if (live.length) await control(`${base}/records/ItemAllocations/${r.pick(live).ItemAllocationID}`, { method: 'PATCH', json: { ItemQuantity: r.int(1, 50) } })
      },
      async (r) => {
        if (employees.length) await control(`${base}/records/Contacts/${r.pick(employees).ContactID}`, { method: 'PATCH', json: { LastName: `Chaos${r.int(1, 999)}` } })
      },
      async (r) => {
        if (employees.length) await control(`${base}/pay-rates`, { method: 'PUT', json: { ContactID: r.pick(employees).ContactID, EffectiveDate: `${daysAgo(r.int(0, 5))}T00:00:00`, HourlyBasePay: r.int(1500, 4500) / 100 } })
      },
      async (r) => {
        if (statusTickets.length) await control(`${base}/work-tickets/${r.pick(statusTickets).WorkTicketID}/${r.pick(['complete', 'uncomplete', 'schedule'])}`, { json: {} })
      },
    ]

    return {
      id: tenant.clientId,
      connect: async (token) => (await connectAspire(token, tenant, { pageSize, syncStartDate: daysAgo(30) })).id,
      mutate: async (r) => r.pick(mutations)(r),
      expireSession: async (r) => control(`${base}/expire-tokens`, { json: { refreshTokens: r.chance(0.5) } }),
      async checkTruth(connectionId) {
        const now = await vendorIds()
        return [
          ...(await sameIds(getTableName(timeEntries), connectionId, now.times, 'WorkTicketTimes')),
          ...(await sameIds(getTableName(materialAllocations), connectionId, now.allocations, 'ItemAllocations')),
        ]
      },
      push: {
        async create(r, token, connectionId) {
          const slot = slots.pop()
          if (!slot || !employees.length || !pushTickets.length) return false
          const hh = (h: number) => String(h).padStart(2, '0')
          const startAt = `${slot.day}T${hh(slot.hour)}:03:00Z`
          const endAt = `${slot.day}T${hh(slot.hour + 1)}:33:00Z`
          // The seeded tenant's own time can cover a slot (an evening shift in a western branch runs past midnight UTC);
          // our API rightly refuses an overlapping entry, so the push goes to a worker free then (the draw stays the same).
          const busy = await workersBusy(connectionId, startAt, endAt)
          const drawn = String(r.pick(employees).ContactID)
          const worker = busy.has(drawn) ? employees.map((e) => String(e.ContactID)).find((id) => !busy.has(id)) : drawn
          const ticket = String(r.pick(pushTickets).WorkTicketID)
          const material = r.chance(0.4) && allocations.length ? r.pick(allocations) : null
          if (!material && !worker) return false
          const res = material
            ? await call('/api/v1/materials', {
                method: 'POST',
                token,
                json: { connectionId, milestoneExternalId: ticket, catalogItemExternalId: String(material.CatalogItemID), inventoryLocationExternalId: String(material.InventoryLocationID), quantity: r.int(1, 40), allocationDate: slot.day },
              })
            : await call('/api/v1/time-entries', {
                method: 'POST',
                token,
                json: { connectionId, workerExternalId: worker, milestoneExternalId: ticket, startAt, endAt },
              })
          // Before the first pull has brought the worker and ticket in, our API rightly refuses the reference.
          if (res.status === 404 || res.status === 422) return false
          if (res.status !== 202) throw new Error(`push create answered ${res.status}: ${await res.text()}`)
          pushesMade.push(((await res.json()) as { id: string }).id)
          return true
        },
        async check(token, connectionId) {
          const problems: string[] = []
          const { pushes } = (await (await call(`/api/v1/connections/${connectionId}/pushes`, { token })).json()) as { pushes: Push[] }
          const pushed = { times: new Set<string>(), allocations: new Set<string>() }
          for (const id of pushesMade) {
            const p = pushes.find((x) => x.id === id)
            if (!p || p.state !== 'pushed' || !p.vendorExternalId) {
              problems.push(`push ${id} ended ${p?.state ?? 'missing'}`)
              continue
            }
            const set = p.kind === 'material' ? pushed.allocations : pushed.times
            if (set.has(p.vendorExternalId)) problems.push(`two pushes claim Aspire record ${p.vendorExternalId}`)
            set.add(p.vendorExternalId)
          }
          const now = await vendorIds()
          for (const key of ['times', 'allocations'] as const) {
            const expected = new Set([...initial[key], ...added[key], ...pushed[key]].filter((id) => !deleted[key].has(id)))
            for (const id of now[key]) if (!expected.has(id)) problems.push(`Aspire holds ${key} record ${id} that no one made: a push applied twice`)
            for (const id of expected) if (!now[key].has(id)) problems.push(`Aspire lacks ${key} record ${id}: a push never applied`)
          }
          return problems
        },
      },
      remove: () => control(`${base}`, { method: 'DELETE' }),
    }
  },
}

/** Workers whose time we hold overlaps [startAt, endAt): the same test our API makes (worker/push/overlap.ts). */
async function workersBusy(connectionId: string, startAt: string, endAt: string) {
  const { results } = await env.DB.prepare(
    `SELECT DISTINCT worker_external_id AS id FROM time_entries WHERE connection_id = ?1 AND deleted_at IS NULL AND start_at IS NOT NULL AND end_at IS NOT NULL AND start_at < ?3 AND end_at > ?2`,
  )
    .bind(connectionId, new Date(startAt).toISOString(), new Date(endAt).toISOString())
    .all<{ id: string }>()
  return new Set(results.map((r) => r.id))
}

async function sameIds(table: string, connectionId: string, vendor: Set<string>, label: string) {
  const { results } = await env.DB.prepare(`SELECT external_id FROM ${table} WHERE connection_id = ?1 AND deleted_at IS NULL`).bind(connectionId).all<{ external_id: string }>()
  const ours = new Set(results.map((r) => r.external_id))
  const problems: string[] = []
  if (ours.size !== results.length) problems.push(`${table}: the same ${label} record held twice`)
  for (const id of vendor) if (!ours.has(id)) problems.push(`${table}: ${label} ${id} lost`)
  for (const id of ours) if (!vendor.has(id)) problems.push(`${table}: ${label} ${id} held but gone from Aspire`)
  return problems
}
