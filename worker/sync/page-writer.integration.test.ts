import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { captureQueue, connectAspire, createTenant, drain, liveCount } from '../../tools/test/aspire-sandbox'
import { orgWithAdmin } from '../../tools/test/fixtures'
import type { Stream } from './connector'
import type { SyncMessage } from './queue-messages'
import { connectors } from './registry'
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
})
