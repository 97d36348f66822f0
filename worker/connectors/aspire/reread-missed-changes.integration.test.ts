/**
 * Migration 0005 repairs what issue #18 lost before its fix: an Aspire change stamped behind a cursor that had
 * already moved past it stays unread however wide the overlap, until the cursor is cleared and the next pass re-reads
 * every record from the beginning.
 */
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { MilestoneLookup } from '../../../shared/api/jobs'
import { captureQueue, connectAspire, control, createTenant, cronCycle, drain, records } from '../../../tools/test/aspire-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'

type Ticket = { WorkTicketID: number; WorkTicketStatus: string; LastModifiedDateTime: string }
const q = (filter: string) => `?$filter=${encodeURIComponent(filter)}`

async function status(token: string, id: number) {
  const res = await call(`/api/v1/milestones?vendor=aspire&externalId=${id}`, { token })
  return MilestoneLookup.parse(await res.json()).milestones[0]!.milestone.status
}

async function runMigration(name: string) {
  const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith(name))
  if (!migration) throw new Error(`no migration ${name}`)
  for (const query of migration.queries) await env.DB.prepare(query).run()
}

const cursorOf = async (connectionId: string, stream: string) =>
  (await env.DB.prepare('SELECT cursor FROM sync_streams WHERE connection_id = ?1 AND stream = ?2').bind(connectionId, stream).first<{ cursor: string | null }>())?.cursor

describe('migration 0005: Aspire streams re-read the changes an earlier cursor skipped', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should find a change stamped behind the stored cursor on the next pass, and touch no other vendor', async () => {
    const tenant = await createTenant({ seed: 5, size: { branches: 2, employees: 4, workTickets: 10, timeEntries: 20, days: 5 }, branchZones: ['America/Chicago', 'America/Denver'] })
    const { token } = await orgWithAdmin()
    const aspire = await connectAspire(token, tenant)
    await drain(queue)
    const [ticket] = await records<Ticket>(tenant, 'WorkTickets', q("WorkTicketStatus ne 'Complete' and WorkTicketStatus ne 'Canceled'"))
    const completed = await control<Ticket>(`/tenants/${tenant.clientId}/work-tickets/${ticket!.WorkTicketID}/complete`, { json: {} })

    // The state the old code left behind: the cursor already hours past the change (a later change elsewhere moved
    // it), further than any zone spread reaches back.
    const pastIt = new Date(Date.parse(`${completed.LastModifiedDateTime}Z`) + 8 * 3_600_000).toISOString().slice(0, 19)
    await env.DB.prepare("UPDATE sync_streams SET cursor = ?1 WHERE connection_id = ?2 AND stream = 'WorkTickets'").bind(pastIt, aspire.id).run()
    // A paused connection of another vendor, with a cursor of its own.
    const other = await env.DB.prepare(
      `INSERT INTO connections (id, org_id, vendor, account_label, credentials_ciphertext, credentials_iv, settings, paused, status,
         frequency_seconds, next_run_at, created_at, updated_at)
       SELECT 'bt-other', org_id, 'buildertrend', 'BT', credentials_ciphertext, credentials_iv, '{}', 1, 'paused', 900,
         '2999-01-01T00:00:00.000Z', created_at, updated_at FROM connections WHERE id = ?1`,
    )
      .bind(aspire.id)
      .run()
    expect(other.success).toBe(true)
    await env.DB.prepare("INSERT INTO sync_streams (connection_id, stream, cursor, backfilled) VALUES ('bt-other', 'Jobs', '2026-11-01T00:00:00', 1)").run()

    let now = Date.now() + 121_000
    await cronCycle(queue, now)
    expect(await status(token, ticket!.WorkTicketID), 'lost while the cursor stands past it').not.toBe('pending_review')

    await runMigration('0005_')
    expect(await cursorOf(aspire.id, 'WorkTickets')).toBeNull()
    expect(await cursorOf('bt-other', 'Jobs'), 'other vendors keep their cursors').toBe('2026-11-01T00:00:00')

    now += 121_000
    await cronCycle(queue, now)
    expect(await status(token, ticket!.WorkTicketID), 'found by the re-read').toBe('pending_review')
    expect(await cursorOf(aspire.id, 'WorkTickets'), 'the pass sets a cursor again').not.toBeNull()
  })
})
