/**
 * A time entry or material posted here starts a sync, but within the same one-a-minute budget as Force sync
 * (issue #18): inside the cooldown the record waits in the outbox and goes out when the cooldown ends.
 */
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { PushRecordList, PushRecordView } from '../../../shared/api/push'
import { captureQueue, connectAspire, createTenant, cronCycle, drain, records } from '../../../tools/test/aspire-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'

const q = (filter: string) => `?$top=1&$filter=${encodeURIComponent(filter)}`

/** A quiet slot two days ago, at a time the generator never uses. */
const slot = (hour: number) => {
  const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
  const hh = (h: number) => String(h).padStart(2, '0')
  return { startAt: `${day}T${hh(hour)}:03:00Z`, endAt: `${day}T${hh(hour + 1)}:33:00Z` }
}

const connectionRow = (id: string) =>
  env.DB.prepare('SELECT last_forced_at, next_run_at FROM connections WHERE id = ?1').bind(id).first<{ last_forced_at: string | null; next_run_at: string | null }>()

describe('syncs started by posted records', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should share the force-sync cooldown, and send a record held by it once the cooldown ends', async () => {
    const tenant = await createTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const connection = await connectAspire(token, tenant)
    await drain(queue)
    const [ticket] = await records<{ WorkTicketID: number }>(tenant, 'WorkTickets', q("WorkTicketStatus ne 'Canceled' and WorkTicketStatus ne 'Complete'"))
    const [worker] = await records<{ ContactID: number }>(tenant, 'Contacts', q("ContactTypeName eq 'Employee'"))
    const post = (hour: number) =>
      call('/api/v1/time-entries', { method: 'POST', token, json: { connectionId: connection.id, workerExternalId: String(worker!.ContactID), milestoneExternalId: String(ticket!.WorkTicketID), ...slot(hour) } })

    const first = await post(2)
    expect(first.status).toBe(202)
    expect(queue).toHaveLength(1)
    await drain(queue)

    // Within the minute: accepted and kept, but no new sync, and Force sync is refused too.
    const second = await post(5)
    expect(second.status).toBe(202)
    const held = PushRecordView.parse(await second.json())
    expect(held.state).toBe('pending')
    expect(queue).toHaveLength(0)
    const forced = await call(`/api/v1/connections/${connection.id}/sync`, { method: 'POST', token })
    expect(forced.status).toBe(429)
    expect(Number(forced.headers.get('retry-after'))).toBeGreaterThan(0)
    const row = (await connectionRow(connection.id))!
    // Due exactly when the cooldown ends, not at the connection's normal cadence.
    expect(Date.parse(row.next_run_at!)).toBe(Date.parse(row.last_forced_at!) + 60_000)

    expect(await cronCycle(queue, Date.parse(row.last_forced_at!) + 30_000)).toBe(0)
    expect(await cronCycle(queue, Date.parse(row.last_forced_at!) + 61_000)).toBe(1)
    const { pushes } = PushRecordList.parse(await (await call(`/api/v1/connections/${connection.id}/pushes`, { token })).json())
    expect(pushes.find((p) => p.id === held.id)).toMatchObject({ state: 'pushed' })

    // After the cooldown a posted record starts a sync at once again.
    await env.DB.prepare('UPDATE connections SET last_forced_at = ?1 WHERE id = ?2').bind(new Date(Date.now() - 61_000).toISOString(), connection.id).run()
    expect((await post(8)).status).toBe(202)
    expect(queue).toHaveLength(1)
  })
})
