import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import { captureQueue, connectAspire, createTenant, drain, sandboxUrl } from '../../tools/test/aspire-sandbox'
import { insertConnection } from '../../tools/test/connection-fixtures'
import { orgWithAdmin } from '../../tools/test/fixtures'
import { app } from '../app'
import { STORED_VENDOR_ADDRESS_REFUSED, VENDOR_ADDRESS_REFUSED } from '../connectors/vendor-base-url'
import type { Env } from '../env'
import { fanOutDueSyncs } from '../sync/fan-out'

/** The app as a production server runs it: the test bindings without the development flag. */
function callProduction(path: string, method: string, token: string, json: unknown) {
  const { ALLOW_VENDOR_BASE_URL: _dropped, ...production } = env
  return app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(json) }, production)
}

function callDevelopment(path: string, method: string, token: string, json: unknown) {
  return app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(json) }, env)
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { message: string; details?: Array<{ path: string }> } }).error

// Credentials that fail their schema, so a request that passes the address check stops before any vendor is called.
const connectWithAddress = [
  { vendor: 'aspire', credentials: { clientId: '' }, settings: { syncStartDate: '2026-01-01', baseUrl: 'http://127.0.0.1:8801' } },
  { vendor: 'buildertrend', credentials: { username: '' }, settings: { syncStartDate: '2026-01-01', baseUrl: 'http://169.254.169.254' } },
  { vendor: 'exaktime', credentials: { companyId: '' }, settings: { syncStartDate: '2026-01-01', baseUrl: 'https://attacker.example' } },
] as const

describe('vendor addresses (settings.baseUrl)', () => {
  it('should refuse a vendor address for every vendor on a server without the development flag', async () => {
    expect(env.ALLOW_VENDOR_BASE_URL).toBe('true')
    const { token } = await orgWithAdmin()
    for (const body of connectWithAddress) {
      const res = await callProduction('/api/v1/connections', 'POST', token, body)
      expect(res.status, body.vendor).toBe(400)
      const error = await errorOf(res)
      expect(error.message, body.vendor).toBe(VENDOR_ADDRESS_REFUSED)
      expect(error.message).toContain('Vendor addresses can only be changed on a development server')
      expect(error.details?.map((d) => d.path)).toEqual(['settings.baseUrl'])
    }
  })

  it('should refuse a vendor address added to an existing connection without the development flag, and change nothing', async () => {
    const { token, orgId } = await orgWithAdmin()
    const id = await insertConnection(orgId)
    const res = await callProduction(`/api/v1/connections/${id}`, 'PATCH', token, { settings: { baseUrl: 'https://attacker.example' } })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).message).toBe(VENDOR_ADDRESS_REFUSED)
    const view = (await (await callDevelopment(`/api/v1/connections/${id}`, 'GET', token, undefined)).json()) as { settings: Record<string, unknown> }
    expect(view.settings).not.toHaveProperty('baseUrl')
  })

  it('should let a connection without a vendor address through on a production server', async () => {
    const { token } = await orgWithAdmin()
    const res = await callProduction('/api/v1/connections', 'POST', token, { vendor: 'aspire', credentials: { clientId: '' }, settings: { syncStartDate: '2026-01-01' } })
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.message).toContain('credentials.clientId')
    expect(error.message).not.toContain('development server')
  })

  it('should accept a vendor address on a development server (the check passes and the usual validation follows)', async () => {
    const { token, orgId } = await orgWithAdmin()
    for (const body of connectWithAddress) {
      const res = await callDevelopment('/api/v1/connections', 'POST', token, body)
      expect(res.status, body.vendor).toBe(400)
      const error = await errorOf(res)
      expect(error.message, body.vendor).toContain('credentials')
      expect(error.message, body.vendor).not.toContain('development server')
    }
    const id = await insertConnection(orgId)
    const res = await callDevelopment(`/api/v1/connections/${id}`, 'PATCH', token, { settings: { baseUrl: 'http://127.0.0.1:8801' } })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { settings: Record<string, unknown> }).settings.baseUrl).toBe('http://127.0.0.1:8801')
  })

  it('should not sync a connection stored with a vendor address on a server without the flag, sending nothing there', async () => {
    const queue = captureQueue()
    const { token } = await orgWithAdmin()
    const tenant = await createTenant({ size: 'empty' })
    const { id } = await connectAspire(token, tenant)
    await drain(queue)
    const { ALLOW_VENDOR_BASE_URL: _dropped, ...production } = env
    const sandbox = new URL(sandboxUrl()).origin
    const realFetch = globalThis.fetch
    const sent: string[] = []
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const url = input instanceof Request ? input.url : String(input)
      if (url.startsWith(sandbox)) sent.push(url)
      return realFetch(input, init)
    })
    await fanOutDueSyncs(production as Env, Date.now() + 3_600_000)
    await drain(queue, { now: () => Date.now() + 3_600_000 }, production as Env)
    vi.restoreAllMocks()
    expect(sent).toEqual([])
    const view = (await (await callDevelopment(`/api/v1/connections/${id}`, 'GET', token, undefined)).json()) as { status: string; lastError: { message: string } | null }
    expect(view.status).toBe('relink_needed')
    expect(view.lastError?.message).toBe(STORED_VENDOR_ADDRESS_REFUSED)
  })
})
