import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { ConflictList, PushRecordView, TimeEntryList } from '../../../shared/api/push'
import { captureQueue, connectAspire, control, createTenant, drain, records, type SandboxTenant } from '../../../tools/test/aspire-sandbox'
import { call, orgWithAdmin, userWithRole } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'

type Ticket = { WorkTicketID: number; BranchID: number }
type Contact = { ContactID: number }

async function setUp(queue: SyncMessage[]) {
  const tenant = await createTenant({ size: 'small' })
  const { token } = await orgWithAdmin()
  const connection = await connectAspire(token, tenant)
  await drain(queue)
  const [ticket] = await records<Ticket>(tenant, 'WorkTickets', `?$top=1&$filter=${encodeURIComponent("WorkTicketStatus ne 'Canceled'")}`)
  const [worker] = await records<Contact>(tenant, 'Contacts', `?$top=1&$orderby=ContactID desc&$filter=${encodeURIComponent("ContactTypeName eq 'Employee'")}`)
  return { tenant, token, connectionId: connection.id, ticketId: String(ticket!.WorkTicketID), workerId: String(worker!.ContactID) }
}

/** A quiet slot for the worker: two days ago, at a time the generator never uses. */
const slot = (hour: number) => {
  const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
  return { startAt: `${day}T${String(hour).padStart(2, '0')}:03:00Z`, endAt: `${day}T${String(hour + 1).padStart(2, '0')}:33:00Z` }
}

const sandboxTimes = (tenant: SandboxTenant, workerId: string) =>
  records<{ WorkTicketTimeID: number; StartTime: string }>(tenant, 'WorkTicketTimes', `?$filter=${encodeURIComponent(`ContactID eq ${workerId}`)}`)

async function createEntry(token: string, body: Record<string, unknown>) {
  return call('/api/v1/time-entries', { method: 'POST', token, json: body })
}

describe('Aspire push', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should write a time entry to Aspire once and hold it once after the pull, linked to the original', async () => {
    const s = await setUp(queue)
    const before = (await sandboxTimes(s.tenant, s.workerId)).length
    const res = await createEntry(s.token, { connectionId: s.connectionId, workerExternalId: s.workerId, milestoneExternalId: s.ticketId, ...slot(2) })
    expect(res.status).toBe(202)
    const created = PushRecordView.parse(await res.json())
    expect(created.state).toBe('pending')
    expect(queue.at(-1)).toMatchObject({ connectionId: s.connectionId, trigger: 'manual' })
    await drain(queue)
    const after = await sandboxTimes(s.tenant, s.workerId)
    expect(after.length).toBe(before + 1)
    const list = TimeEntryList.parse(await (await call(`/api/v1/time-entries?connectionId=${s.connectionId}&workerExternalId=${s.workerId}`, { token: s.token })).json())
    const ours = list.timeEntries.filter((t) => t.pushRecordId === created.id)
    expect(ours).toHaveLength(1)
    expect(ours[0]).toMatchObject({ source: 'protiv', pushState: 'pushed', durationSeconds: 5400 })
    expect(ours[0]!.externalId).not.toBeNull()
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM time_entries WHERE connection_id = ?1 AND external_id = ?2').bind(s.connectionId, ours[0]!.externalId).first<{ n: number }>()
    expect(rows!.n).toBe(1)
  })

  it('should never duplicate in Aspire when the answer is lost or Aspire fails', async () => {
    const s = await setUp(queue)
    const before = (await sandboxTimes(s.tenant, s.workerId)).length
    await control(`/tenants/${s.tenant.clientId}/faults`, {
      json: [
        { kind: 'lost-response', path: '/WorkTicketTimes', method: 'POST', count: 1 },
        { kind: 'status', status: 500, path: '/WorkTicketTimes', method: 'POST', count: 1 },
      ],
    })
    const first = PushRecordView.parse(await (await createEntry(s.token, { connectionId: s.connectionId, workerExternalId: s.workerId, milestoneExternalId: s.ticketId, ...slot(4) })).json())
    const second = PushRecordView.parse(await (await createEntry(s.token, { connectionId: s.connectionId, workerExternalId: s.workerId, milestoneExternalId: s.ticketId, ...slot(7) })).json())
    await drain(queue)
    // Later cycles retry whatever is still unconfirmed.
    for (let i = 0; i < 4; i++) {
      await call(`/api/v1/connections/${s.connectionId}/sync`, { method: 'POST', token: s.token })
      await env.DB.prepare('UPDATE connections SET last_forced_at = NULL').run()
      await drain(queue)
    }
    expect((await sandboxTimes(s.tenant, s.workerId)).length).toBe(before + 2)
    const { pushes } = (await (await call(`/api/v1/connections/${s.connectionId}/pushes`, { token: s.token })).json()) as { pushes: PushRecordView[] }
    expect(pushes.find((p) => p.id === first.id)).toMatchObject({ state: 'pushed' })
    expect(pushes.find((p) => p.id === second.id)).toMatchObject({ state: 'pushed' })
    const ids = pushes.map((p) => p.vendorExternalId)
    expect(new Set(ids).size).toBe(ids.length)
    const ours = await env.DB.prepare("SELECT count(*) AS n FROM time_entries WHERE connection_id = ?1 AND worker_external_id = ?2 AND deleted_at IS NULL AND start_at LIKE '%:03:00.000Z'")
      .bind(s.connectionId, s.workerId)
      .first<{ n: number }>()
    expect(ours!.n).toBe(2)
  })

  it('should refuse entries that cannot be right, with clear messages', async () => {
    const s = await setUp(queue)
    const base = { connectionId: s.connectionId, workerExternalId: s.workerId, milestoneExternalId: s.ticketId }
    const backwards = await createEntry(s.token, { ...base, startAt: slot(9).endAt, endAt: slot(9).startAt })
    expect(backwards.status).toBe(400)
    expect(await backwards.text()).toContain('endAt must be after startAt')
    const unknown = await createEntry(s.token, { ...base, workerExternalId: '999999', ...slot(9) })
    expect(unknown.status).toBe(422)
    const future = await createEntry(s.token, { ...base, startAt: new Date(Date.now() + 3600_000).toISOString(), endAt: new Date(Date.now() + 7200_000).toISOString() })
    expect(future.status).toBe(400)
    expect((await createEntry(s.token, { ...base, ...slot(9) })).status).toBe(202)
    const overlap = await createEntry(s.token, { ...base, startAt: slot(9).startAt.replace(':03:', ':30:'), endAt: slot(10).endAt })
    expect(overlap.status).toBe(409)
    expect(await overlap.text()).toContain('may not overlap')
    const worker = await userWithRole(s.token, 'worker')
    expect((await createEntry(worker.token, { ...base, ...slot(12) })).status).toBe(403)
    const other = await orgWithAdmin('Other')
    expect((await createEntry(other.token, { ...base, ...slot(12) })).status).toBe(404)
  })

  it('should write a new material allocation once, even when the answer is lost', async () => {
    const s = await setUp(queue)
    const [existing] = await records<{ InventoryLocationID: number; CatalogItemID: number }>(s.tenant, 'ItemAllocations', '?$top=1&$filter=InventoryLocationID ne null')
    const before = (await records(s.tenant, 'ItemAllocations')).length
    await control(`/tenants/${s.tenant.clientId}/faults`, { json: { kind: 'lost-response', path: '/ItemAllocations', method: 'POST', mode: 'close' } })
    const res = await call('/api/v1/materials', {
      method: 'POST',
      token: s.token,
      json: {
        connectionId: s.connectionId,
        milestoneExternalId: s.ticketId,
        catalogItemExternalId: String(existing!.CatalogItemID),
        inventoryLocationExternalId: String(existing!.InventoryLocationID),
        quantity: 12,
        allocationDate: new Date().toISOString().slice(0, 10),
      },
    })
    expect(res.status).toBe(202)
    await drain(queue)
    // The post's own sync used the one-a-minute budget; a minute later the forced retry may run.
    await env.DB.prepare('UPDATE connections SET last_forced_at = NULL').run()
    await call(`/api/v1/connections/${s.connectionId}/sync`, { method: 'POST', token: s.token })
    await drain(queue)
    expect((await records(s.tenant, 'ItemAllocations')).length).toBe(before + 1)
    const { pushes } = (await (await call(`/api/v1/connections/${s.connectionId}/pushes`, { token: s.token })).json()) as { pushes: PushRecordView[] }
    expect(pushes[0]).toMatchObject({ kind: 'material', state: 'pushed' })
    const pulled = await env.DB.prepare('SELECT quantity FROM material_allocations WHERE connection_id = ?1 AND external_id = ?2 AND deleted_at IS NULL').bind(s.connectionId, pushes[0]!.vendorExternalId).all()
    expect(pulled.results).toEqual([{ quantity: 12 }])
  })

  it('should update a material in Aspire, and keep Aspire’s version when both sides changed it', async () => {
    const s = await setUp(queue)
    const material = await env.DB.prepare('SELECT id, external_id, quantity FROM material_allocations WHERE connection_id = ?1 AND inventory_location_external_id IS NOT NULL LIMIT 2')
      .bind(s.connectionId)
      .all<{ id: string; external_id: string; quantity: number }>()
    const [plain, contested] = material.results
    const update = (id: string, quantity: number) => call(`/api/v1/materials/${id}`, { method: 'PATCH', token: s.token, json: { quantity } })

    expect((await update(plain!.id, 42)).status).toBe(202)
    // Someone edits the other allocation in Aspire before our edit of it goes out.
    await control(`/tenants/${s.tenant.clientId}/records/ItemAllocations/${contested!.external_id}`, { method: 'PATCH', json: { ItemQuantity: 99 } })
    expect((await update(contested!.id, 5)).status).toBe(202)
    await drain(queue)

    const [plainNow] = await records<{ ItemQuantity: number }>(s.tenant, 'ItemAllocations', `?$filter=ItemAllocationID eq ${plain!.external_id}`)
    const [contestedNow] = await records<{ ItemQuantity: number }>(s.tenant, 'ItemAllocations', `?$filter=ItemAllocationID eq ${contested!.external_id}`)
    expect(plainNow!.ItemQuantity).toBe(42)
    expect(contestedNow!.ItemQuantity).toBe(99)
    const { conflicts } = ConflictList.parse(await (await call(`/api/v1/connections/${s.connectionId}/conflicts`, { token: s.token })).json())
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({ kind: 'material', vendorExternalId: contested!.external_id, ours: { quantity: 5 }, theirs: { ItemQuantity: 99 } })
    const ours = await env.DB.prepare('SELECT quantity FROM material_allocations WHERE id = ?1').bind(contested!.id).first<{ quantity: number }>()
    expect(ours!.quantity).toBe(99)
  })
})
