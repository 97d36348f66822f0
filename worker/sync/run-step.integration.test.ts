import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ConnectionView, RunList } from '../../shared/api/connections'
import { captureQueue, connectAspire, cronCycle, createTenant, drain, liveCount } from '../../tools/test/aspire-sandbox'
import { connectBuildertrend, createBtTenant } from '../../tools/test/buildertrend-sandbox'
import { recordConsole } from '../../tools/test/console-recorder'
import { connectExakTime, createExakTimeTenant, exKey } from '../../tools/test/exaktime-sandbox'
import { call, orgWithAdmin } from '../../tools/test/fixtures'
import { PRESENCE_EVERY_MS } from '../connectors/aspire/pass-cursor'
import type { Stream } from './connector'
import type { SyncMessage } from './queue-messages'
import { connectors } from './registry'

/** A checkpoint of a shape no stream writes, as one from before a deploy that changed the shape would look. */
const STALE = { mode: 'sideways', afterId: 'not a number', page: -1 }
const DISCARDED = /stored checkpoint no longer fits/

interface StreamRow {
  stream: string
  status: string
  checkpoint: string | null
  cursor: string | null
  records_this_pass: number
}

const streamRows = async (connectionId: string) =>
  (await env.DB.prepare('SELECT stream, status, checkpoint, cursor, records_this_pass FROM sync_streams WHERE connection_id = ?1 ORDER BY stream').bind(connectionId).all<StreamRow>()).results

/** Leaves every stream of the connection mid-pass with a checkpoint that no longer parses. */
const corruptCheckpoints = (connectionId: string, streams?: string[]) =>
  env.DB.prepare(
    `UPDATE sync_streams SET checkpoint = ?2, status = 'syncing', records_this_pass = 99999 WHERE connection_id = ?1 ${streams ? 'AND stream IN (SELECT value FROM json_each(?3))' : 'AND ?3 IS NULL'}`,
  )
    .bind(connectionId, JSON.stringify(STALE), streams ? JSON.stringify(streams) : null)
    .run()

const connection = async (token: string, id: string) => ConnectionView.parse(await (await call(`/api/v1/connections/${id}`, { token })).json())

const TABLES = ['branches', 'routes', 'clients', 'workers', 'wages', 'jobs', 'milestones', 'budgets', 'time_entries', 'material_allocations', 'cost_codes']
const counts = async (connectionId: string) => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await liveCount(t, connectionId)] as const)))

describe('runSyncStep with stored checkpoints', () => {
  let queue: SyncMessage[]
  let log: ReturnType<typeof recordConsole>
  beforeEach(() => {
    queue = captureQueue()
    log = recordConsole()
  })
  afterEach(() => {
    log.restore()
    vi.restoreAllMocks()
  })
  const discards = () => log.lines.filter((l) => DISCARDED.test(l.text))

  it('should read back every checkpoint an Aspire pass writes', async () => {
    const tenant = await createTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    // Small pages: every stream stores checkpoints of each of its kinds (full, changes, presence).
    const created = await connectAspire(token, tenant, { pageSize: 5 })
    await drain(queue)
    await cronCycle(queue, Date.now() + 3 * 60_000)
    expect((await connection(token, created.id)).status).toBe('ok')
    // Presence passes run hourly: this cycle writes theirs.
    await cronCycle(queue, Date.now() + 3 * 60_000 + PRESENCE_EVERY_MS)
    expect((await connection(token, created.id)).status).toBe('ok')
    expect(discards()).toEqual([])
  })

  it('should restart an Aspire pass from its cursor when its stored checkpoint no longer parses', async () => {
    const tenant = await createTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant, { pageSize: 20 })
    await drain(queue)
    const held = await counts(created.id)
    const before = await streamRows(created.id)
    expect(before.find((s) => s.stream === 'Properties')!.cursor).not.toBeNull()
    await corruptCheckpoints(created.id)

    await cronCycle(queue, Date.now() + 3 * 60_000)

    const view = await connection(token, created.id)
    expect(view).toMatchObject({ status: 'ok', lastError: null })
    const after = await streamRows(created.id)
    for (const s of after) {
      const was = before.find((b) => b.stream === s.stream)!
      expect(s, s.stream).toMatchObject({ status: 'ok', checkpoint: null })
      // The cursor survives: a stream with one resumes from it (nothing changed at the vendor, so it stays).
      expect(s.cursor, s.stream).toBe(was.cursor)
      // The pass was restarted cleanly: its counters start again rather than adding to the stale ones.
      expect(s.records_this_pass, s.stream).toBeLessThan(99999)
    }
    // From the cursor, not from scratch: a changes pass reads far fewer properties than a full one.
    const properties = after.find((s) => s.stream === 'Properties')!
    expect(properties.records_this_pass).toBeLessThan(held.clients!)
    expect(await counts(created.id)).toEqual(held)
    expect(discards().map((l) => l.text.match(/sync stream (\w+)/)?.[1]).sort()).toEqual(before.map((s) => s.stream).sort())
    expect(discards().every((l) => !l.text.includes(tenant.secret))).toBe(true)
  })

  it('should read back every Buildertrend checkpoint and recover from stale ones', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant, { pageSize: 20 })
    await drain(queue)
    expect(discards()).toEqual([])
    const held = await counts(created.id)
    await corruptCheckpoints(created.id, ['TimeClock', 'Budgets', 'Jobs'])
    await cronCycle(queue, Date.now() + 16 * 60_000)
    expect((await connection(token, created.id)).status).toBe('ok')
    expect((await streamRows(created.id)).every((s) => s.checkpoint === null && s.status === 'ok')).toBe(true)
    expect(await counts(created.id)).toEqual(held)
    expect(discards()).toHaveLength(3)
  })

  it('should read back every ExakTime checkpoint and keep the time cursor through a stale one', async () => {
    const tenant = await createExakTimeTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectExakTime(token, exKey(tenant), { pageSize: 20 })
    await drain(queue)
    expect(discards()).toEqual([])
    const held = await counts(created.id)
    const cursor = (await streamRows(created.id)).find((s) => s.stream === 'TimeRecords')!.cursor
    expect(cursor).not.toBeNull()
    await corruptCheckpoints(created.id, ['TimeRecords', 'Employees'])
    await cronCycle(queue, Date.now() + 16 * 60_000)
    expect((await connection(token, created.id)).status).toBe('ok')
    const after = await streamRows(created.id)
    expect(after.every((s) => s.checkpoint === null && s.status === 'ok')).toBe(true)
    expect(after.find((s) => s.stream === 'TimeRecords')!.cursor).toBe(cursor)
    expect(await counts(created.id)).toEqual(held)
    expect(discards()).toHaveLength(2)
  })

  it('should fail the run, not restart forever, when a stream writes a checkpoint its own schema refuses', async () => {
    const aspire = connectors.aspire!
    const streams = aspire.streams.bind(aspire)
    // A stream with a bug: its checkpoint never parses back, so without the guard every step would restart it.
    vi.spyOn(aspire, 'streams').mockImplementation((settings) =>
      streams(settings).map((s: Stream): Stream => (s.name === 'Routes' ? { ...s, nextPage: async (ctx, state) => ({ ...(await s.nextPage(ctx, state)), checkpoint: STALE }) } : s)),
    )
    const tenant = await createTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant)
    expect(await drain(queue)).toBeLessThan(10)
    const { runs } = RunList.parse(await (await call(`/api/v1/connections/${created.id}/runs`, { token })).json())
    expect(runs[0]).toMatchObject({ status: 'failed' })
    expect(log.lines.some((l) => l.where === 'console.error' && /Routes produced a checkpoint its own schema refuses/.test(l.text))).toBe(true)
    expect((await streamRows(created.id)).find((s) => s.stream === 'Routes')!.checkpoint).toBeNull()
  })
})
