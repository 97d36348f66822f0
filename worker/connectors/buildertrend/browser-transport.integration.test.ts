import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { ConnectionView } from '../../../shared/api/connections'
import { captureQueue, drain, liveCount } from '../../../tools/test/aspire-sandbox'
import { type BtTenant, btBrowserSession, btControl, connectBuildertrend, connectBuildertrendSessionRequest, createBtTenant } from '../../../tools/test/buildertrend-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import type { Env } from '../../env'
import type { SyncMessage } from '../../sync/queue-messages'
import { fanOutDueSyncs } from '../../sync/fan-out'
import { runSyncStep, type StepResult } from '../../sync/run-step'
import { BROWSER_DOWN } from './transport/browser-failure'

const tables = ['jobs', 'milestones', 'time_entries', 'workers', 'wages', 'cost_codes', 'budgets'] as const
const counts = async (id: string) => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await liveCount(t, id)] as const)))
const connection = async (token: string, id: string) => ConnectionView.parse(await (await call(`/api/v1/connections/${id}`, { token })).json())

/** The queue consumer's loop, with the Worker's env changed: the browser forced on for a stand-in connection. */
async function drainWith(overrides: Partial<Env>, queue: SyncMessage[]): Promise<StepResult | undefined> {
  let last: StepResult | undefined
  const changed = { ...env, BT_TRANSPORT: 'browser', ...overrides } as Env
  while (queue.length) {
    const message = queue.shift()!
    for (let steps = 0; ; steps++) {
      const result = (last = await runSyncStep(changed, message, { http: { baseDelayMs: 1, maxInlineWaitMs: 50, timeoutMs: 10_000 } }))
      // A wait (rate limit) goes back on the queue with a delay: the test stops there, as the consumer would.
      if (result.next !== 'continue' || result.delayMs > 0) break
      if (steps > 500) throw new Error('sync did not finish')
    }
  }
  return last
}

/** A stand-in for the binding when Browser Rendering answers every launch with this. */
const failingBinding = (status: number, text: string) => ({ fetch: async () => new Response(text, { status }) }) as unknown as Fetcher

async function twoConnections(tenant: BtTenant) {
  const viaFetch = await connectBuildertrend((await orgWithAdmin()).token, tenant, { pageSize: 100 })
  const { token } = await orgWithAdmin()
  const viaBrowser = await connectBuildertrend(token, tenant, { pageSize: 100 })
  return { viaFetch, viaBrowser, token }
}

describe('Buildertrend through the browser transport (local Browser Rendering on the system Chromium)', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should have a Browser Rendering binding in the test Worker', () => {
    expect(env.BROWSER, 'wrangler.toml [browser] binding').toBeDefined()
  })

  it('should import the same rows through a real browser as through fetch', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { viaFetch, viaBrowser, token } = await twoConnections(tenant)
    // Connecting queued both first runs; each is run by its own transport.
    const browserRuns = queue.filter((m) => m.connectionId === viaBrowser.id)
    const fetchRuns = queue.filter((m) => m.connectionId === viaFetch.id)
    await drain(fetchRuns)
    await drainWith({}, browserRuns)
    const fetched = await counts(viaFetch.id)
    expect(fetched.time_entries).toBeGreaterThan(0)
    expect(await counts(viaBrowser.id)).toEqual(fetched)
  })

  it('should sign in again and finish when Buildertrend ends the session mid-run', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant, { pageSize: 50 })
    await btControl(`/tenants/${tenant.id}/expire-sessions`, { json: { mode: 'redirect', afterRequests: 6 } })
    await drainWith({}, queue)
    expect((await connection(token, created.id)).status).toBe('ok')
    expect(await liveCount('time_entries', created.id)).toBeGreaterThan(0)
    const { requests } = await btControl<{ requests: Array<{ ended?: string }> }>(`/tenants/${tenant.id}/requests`)
    expect(requests.filter((r) => r.ended === 'redirect')).toHaveLength(1)
  })

  it('should ask for a relink when the session has ended and the password no longer works', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant)
    await btControl(`/tenants/${tenant.id}`, { method: 'PATCH', json: { password: 'changed-by-someone' } })
    await btControl(`/tenants/${tenant.id}/expire-sessions`, { json: { mode: 'cleared' } })
    await drainWith({}, queue)
    const view = await connection(token, created.id)
    expect(view.status).toBe('relink_needed')
    expect(view.statusText).toMatch(/did not accept this username and password/)
  })

  it('should keep the ticket Buildertrend re-issued inside the browser, and sync on it once the old one has ended', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const res = await connectBuildertrendSessionRequest(token, await btBrowserSession(tenant))
    const created = ConnectionView.parse(await res.json())
    await drainWith({}, queue)
    await btControl(`/tenants/${tenant.id}/rotate-sessions`, { json: { afterRequests: 1 } })
    const later = Date.now() + 16 * 60_000
    await fanOutDueSyncs(env, later)
    await drainWith({}, queue)
    expect((await btControl<{ ended: number }>(`/tenants/${tenant.id}/expire-superseded`, { json: { mode: 'redirect' } })).ended).toBe(1)
    await fanOutDueSyncs(env, later + 16 * 60_000)
    await drainWith({}, queue)
    const view = await connection(token, created.id)
    expect([view.status, view.lastError]).toEqual(['ok', null])
  })

  it("should say Protiv's browser could not start, not Buildertrend, when Browser Rendering fails", async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant)
    await drainWith({ BROWSER: failingBinding(500, 'internal error') }, queue)
    const view = await connection(token, created.id)
    expect(view.status).not.toBe('ok')
    expect(JSON.stringify(view)).toContain(BROWSER_DOWN)
  })

  it('should wait a quarter hour, not fail, when Browser Rendering says the browser time is used up', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant)
    const last = await drainWith({ BROWSER: failingBinding(429, 'Unable to create new browser: code: 429: message: Browser time limit exceeded for today') }, queue)
    // The engine's rate-limit wait (VendorError rate_limited): the step goes back on the queue, the run stays open.
    expect(last).toEqual({ next: 'continue', delayMs: 15 * 60_000 })
    const view = await connection(token, created.id)
    expect(view.status).toBe('syncing')
    expect(view.lastError).toBeNull()
  })
})
