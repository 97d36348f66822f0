/**
 * Issue #16: a cycle in which nothing changed costs one Aspire request per entity, the complete lists of branches
 * (the zone spread) and wages included, counted from the sandbox's own request log. Changes still arrive with the
 * next cycle; silent deletions with the first cycle an hour after the last presence pass (pass-cursor.ts).
 */
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { captureQueue, connectAspire, control, createTenant, cronCycle, drain, records, type SandboxTenant } from '../../../tools/test/aspire-sandbox'
import { orgWithAdmin } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'
import { PRESENCE_EVERY_MS } from './pass-cursor'

const CYCLE_MS = 121_000
/** Read complete every cycle (`eachCycle: 'complete'`): no separate presence pass. */
const COMPLETE_EVERY_CYCLE = ['/Branches', '/PayRates']
const ENTITY_PATHS = ['/Branches', '/Routes', '/Properties', '/Contacts', '/PayRates', '/Opportunities', '/WorkTickets', '/WorkTicketItems', '/WorkTicketTimes', '/ItemAllocations']

type Time = { WorkTicketTimeID: number; WorkTicketTimeDate: string }
type Item = { WorkTicketItemID: number; ItemQuantityExtended: number | null }

/** One cron cycle at `now`, and the GET requests it made to each path, from the sandbox's log. */
async function requestsOfCycle(queue: SyncMessage[], tenant: SandboxTenant, now: number) {
  await control(`/tenants/${tenant.clientId}/requests`, { method: 'DELETE' })
  expect(await cronCycle(queue, now), 'the connection was due').toBe(1)
  const { entries } = await control<{ entries: Array<{ method: string; path: string }> }>(`/tenants/${tenant.clientId}/requests`)
  const byPath: Record<string, number> = {}
  for (const e of entries.filter((e) => e.method === 'GET')) {
    const path = e.path.split('?')[0]!
    byPath[path] = (byPath[path] ?? 0) + 1
  }
  return { byPath, total: entries.length }
}

const deletedAt = async (table: string, connectionId: string, externalId: number) =>
  (await env.DB.prepare(`SELECT deleted_at FROM ${table} WHERE connection_id = ?1 AND external_id = ?2`).bind(connectionId, String(externalId)).first<{ deleted_at: string | null }>())!.deleted_at

describe('Aspire cycle with nothing changed', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should cost one request per entity and re-check presence only hourly', async () => {
    const tenant = await createTenant({ size: 'demo', seed: 16, branchZones: ['America/Chicago', 'America/Denver'] })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant)
    await drain(queue)
    const start = Date.now()

    // Nothing changed: every entity's one read. Branches and wages are read complete every cycle, newest first: a page
    // holding every record we hold is the whole list, so no end probe (entity-stream.ts, listPage).
    const quiet = await requestsOfCycle(queue, tenant, start + CYCLE_MS)
    expect(quiet.byPath).toEqual(Object.fromEntries(ENTITY_PATHS.map((p) => [p, 1])))
    expect(quiet.total).toBe(ENTITY_PATHS.length)

    // A change, a new budget line and a silent deletion.
    const [edited, victim] = await records<Time>(tenant, 'WorkTicketTimes', '?$top=2&$orderby=WorkTicketTimeID desc')
    await control(`/tenants/${tenant.clientId}/records/WorkTicketTimes/${edited!.WorkTicketTimeID}`, { method: 'PATCH', json: { Hours: 7.25 } })
    await control(`/tenants/${tenant.clientId}/records/WorkTicketTimes/${victim!.WorkTicketTimeID}`, { method: 'DELETE' })
    const [item] = await records<Item>(tenant, 'WorkTicketItems', '?$top=1&$orderby=WorkTicketItemID desc')
    const { WorkTicketItemID: _, ...copy } = item!
    const [added] = await control<Item[]>(`/tenants/${tenant.clientId}/records/WorkTicketItems`, { json: { ...copy, ItemQuantityExtended: 3 } })

    // The next cycle brings the change and the new line, and still costs the same; the deletion waits for presence.
    const next = await requestsOfCycle(queue, tenant, start + 2 * CYCLE_MS)
    expect(next.byPath).toEqual(quiet.byPath)
    const seconds = await env.DB.prepare('SELECT duration_seconds FROM time_entries WHERE connection_id = ?1 AND external_id = ?2').bind(created.id, String(edited!.WorkTicketTimeID)).first<{ duration_seconds: number }>()
    expect(seconds!.duration_seconds).toBe(26_100)
    expect(await deletedAt('budgets', created.id, added!.WorkTicketItemID), 'the new budget line arrived').toBeNull()
    expect(await deletedAt('time_entries', created.id, victim!.WorkTicketTimeID), 'not yet re-checked').toBeNull()

    // An hour after the backfill's presence pass, each stream runs one again: the id scans (and their end probes).
    // Branches and wages need none: every cycle reads them complete.
    const hourly = await requestsOfCycle(queue, tenant, start + PRESENCE_EVERY_MS + CYCLE_MS)
    for (const path of ENTITY_PATHS.filter((p) => !COMPLETE_EVERY_CYCLE.includes(p))) expect(hourly.byPath[path], path).toBeGreaterThanOrEqual(2)
    for (const path of COMPLETE_EVERY_CYCLE) expect(hourly.byPath[path], path).toBe(1)
    expect(await deletedAt('time_entries', created.id, victim!.WorkTicketTimeID), 'found by the hourly presence pass').not.toBeNull()

    // And then quiet again until the next hour.
    const after = await requestsOfCycle(queue, tenant, start + PRESENCE_EVERY_MS + 2 * CYCLE_MS)
    expect(after.byPath).toEqual(quiet.byPath)
  })

  it('should leave the rest of a changes page cut short to the next cycle, and delete nothing', async () => {
    const tenant = await createTenant({ size: 'demo', seed: 17 })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant)
    await drain(queue)
    const start = Date.now()
    const times = await records<Time>(tenant, 'WorkTicketTimes', '?$top=3&$orderby=WorkTicketTimeID asc')
    for (const t of times) await control(`/tenants/${tenant.clientId}/records/WorkTicketTimes/${t.WorkTicketTimeID}`, { method: 'PATCH', json: { Hours: 6.5 } })
    const synced = async () => {
      const { results } = await env.DB.prepare('SELECT duration_seconds FROM time_entries WHERE connection_id = ?1 AND external_id IN (SELECT value FROM json_each(?2))')
        .bind(created.id, JSON.stringify(times.map((t) => String(t.WorkTicketTimeID))))
        .all<{ duration_seconds: number }>()
      return results.filter((r) => r.duration_seconds === 23_400).length
    }

    // The changes page comes back with its first row only, as a response cut short in transit would.
    await control(`/tenants/${tenant.clientId}/faults`, { json: { kind: 'truncate', path: '/WorkTicketTimes', page: 1, keep: 1, count: 1 } })
    const cut = await requestsOfCycle(queue, tenant, start + CYCLE_MS)
    expect(cut.byPath['/WorkTicketTimes'], 'no probe').toBe(1)
    expect(await synced(), 'the rest of the page is not read this cycle').toBeLessThan(times.length)

    await requestsOfCycle(queue, tenant, start + 2 * CYCLE_MS)
    expect(await synced(), 'the next cycle starts before what was cut').toBe(times.length)
    const deleted = await env.DB.prepare('SELECT count(*) AS n FROM time_entries WHERE connection_id = ?1 AND deleted_at IS NOT NULL').bind(created.id).first<{ n: number }>()
    expect(deleted!.n).toBe(0)
  })
})
