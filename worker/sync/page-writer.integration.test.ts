import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { captureQueue, connectAspire, createTenant, drain, liveCount, totalCount } from '../../tools/test/aspire-sandbox'
import { orgWithAdmin } from '../../tools/test/fixtures'
import type { Stream } from './connector'
import type { SyncMessage } from './queue-messages'
import { connectors } from './registry'
import { startSyncNow } from './start-sync'
import type { Env } from '../env'
import { VendorError } from './vendor-error'

/** Replaces one Aspire stream's `nextPage` for this test. */
function wrapStream(name: string, nextPage: (original: Stream['nextPage'], ...args: Parameters<Stream['nextPage']>) => ReturnType<Stream['nextPage']>) {
  const aspire = connectors.aspire!
  const streams = aspire.streams.bind(aspire)
  vi.spyOn(aspire, 'streams').mockImplementation((settings) =>
    streams(settings).map((s: Stream): Stream => (s.name === name ? { ...s, nextPage: (ctx, state) => nextPage(s.nextPage.bind(s), ctx, state) } : s)),
  )
}

const streamRow = (connectionId: string, stream: string) =>
  env.DB.prepare('SELECT status, checkpoint, records_this_pass FROM sync_streams WHERE connection_id = ?1 AND stream = ?2').bind(connectionId, stream).first<{ status: string; checkpoint: string | null; records_this_pass: number }>()

describe('pages written a few at a time', () => {
  let queue: SyncMessage[]
  beforeEach(() => void (queue = captureQueue()))
  afterEach(() => vi.restoreAllMocks())

  it("should let a connector's look-up see the pages read before it in the same step", async () => {
    const answers: boolean[] = []
    // Properties follows Routes: when it starts, the Routes pages of this step have been read but not necessarily written.
    wrapStream('Properties', async (nextPage, ctx, state) => {
      if (state.checkpoint === null) answers.push(await ctx.holdsAny!('routes'))
      return nextPage(ctx, state)
    })
    const tenant = await createTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant, { pageSize: 5 })
    await drain(queue)
    expect(await liveCount('routes', created.id)).toBeGreaterThan(0)
    expect(answers[0]).toBe(true)
  })

  it('should keep the pages read before a vendor failure, with the checkpoint after them', async () => {
    let calls = 0
    wrapStream('WorkTicketTimes', async (nextPage, ctx, state) => {
      if (++calls === 3) throw new VendorError('vendor_down', 'Aspire answered 503.', { status: 503 })
      return nextPage(ctx, state)
    })
    const tenant = await createTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant, { pageSize: 5 })
    await drain(queue)
    // The two pages read before the failure are stored, and the stream's checkpoint is the one after them.
    const row = await streamRow(created.id, 'WorkTicketTimes')
    expect(row).toMatchObject({ status: 'partial', records_this_pass: 10 })
    expect(JSON.parse(row!.checkpoint!)).toMatchObject({ mode: 'full' })
    expect(await liveCount('time_entries', created.id)).toBe(10)
    expect(await liveCount('routes', created.id)).toBeGreaterThan(0)
  })

  it('should store no page read after a write that failed, and resume from the last stored one', async () => {
    // Full batches are written behind the reading: the step goes on reading while D1 writes. One write fails here;
    // pages of 2 give the time entries 45 pages, so many are read after it.
    let pagesRead = 0
    let failAfterPage: number | null = null
    let readAfterFailure = 0
    wrapStream('WorkTicketTimes', async (nextPage, ctx, state) => {
      pagesRead++
      if (failAfterPage !== null) readAfterFailure++
      return nextPage(ctx, state)
    })
    const failing = new Proxy(env.DB, {
      get(target, key) {
        if (key === 'batch') {
          return async (statements: D1PreparedStatement[]) => {
            // The first write of pages (many statements, not a lease alone) begun after the 12th page: it fails whole.
            if (failAfterPage === null && pagesRead >= 12 && statements.length > 5) {
              failAfterPage = pagesRead
              throw new Error('D1_ERROR: Network connection lost.')
            }
            return target.batch(statements)
          }
        }
        const value = Reflect.get(target, key, target) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const tenant = await createTenant({ size: 'small' })
    const control = await connectAspire((await orgWithAdmin()).token, tenant, { pageSize: 2 })
    await drain(queue)
    const expected = await liveCount('time_entries', control.id)
    pagesRead = 0
    const created = await connectAspire((await orgWithAdmin()).token, tenant, { pageSize: 2 })
    await drain(queue, {}, { ...(env as Env), DB: failing })
    expect(failAfterPage).not.toBeNull()
    // Pages were read while the failed write was going on; none of them, nor the failed write's, was stored.
    expect(readAfterFailure).toBeGreaterThan(0)
    const row = await streamRow(created.id, 'WorkTicketTimes')
    // The run failed (an error of ours, not the vendor's); the stream is left mid-pass, its counter at its stored pages.
    const run = await env.DB.prepare('SELECT status FROM sync_runs WHERE connection_id = ?1').bind(created.id).first<{ status: string }>()
    expect(run?.status).toBe('failed')
    expect(row?.status).toBe('syncing')
    const stored = await liveCount('time_entries', created.id)
    expect(stored).toBe(row!.records_this_pass)
    expect(stored).toBeLessThan(expected)
    // The next sync resumes after the last stored page and misses nothing.
    expect(await startSyncNow(env as Env, created.id, 'manual')).toBe(true)
    await drain(queue)
    expect(await liveCount('time_entries', created.id)).toBe(expected)
    expect((await totalCount('time_entries', created.id)).n).toBe(expected)
  })
})
