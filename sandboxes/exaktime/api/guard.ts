/**
 * The Arcoro gateway in front of `/v1` and `/odata`: finds the tenant from the key header
 * (`Ocp-Apim-Subscription-Key`, *unverified*, the Azure API Management convention Unified.to's wording
 * suggests) or a credential-login session (`Authorization: Bearer`), then applies faults, the throttle and
 * the read-only rule, and logs the request.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import { SandboxError } from '../errors'
import type { SandboxCore } from '../sandbox-core'
import type { Tenant } from '../tenant/tenant'

export const KEY_HEADER = 'Ocp-Apim-Subscription-Key'

export type GuardEnv = { Variables: { tenant: Tenant; access: 'read' | 'read_write' } }

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function identify(core: SandboxCore, c: Context): { tenant: Tenant; access: 'read' | 'read_write' } {
  const key = c.req.header(KEY_HEADER)
  const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
  if (key) {
    const tenant = core.byKey(key)
    if (tenant) return { tenant, access: tenant.keyAccess(key)! }
    throw new SandboxError(401, 'Unauthorized', 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.')
  }
  if (bearer) {
    const tenant = core.bySession(bearer)
    // Web-app sessions read; writes need an API key.
    if (tenant) return { tenant, access: 'read' }
    throw new SandboxError(401, 'Unauthorized', 'The session has expired or is not valid. Sign in again.')
  }
  throw new SandboxError(401, 'Unauthorized', 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.')
}

export const guard = (core: SandboxCore): MiddlewareHandler<GuardEnv> => async (c, next) => {
  const { tenant, access } = identify(core, c)
  const path = new URL(c.req.url).pathname
  try {
    const fault = tenant.faults.take(path)
    if (fault) {
      if (fault.html) {
        tenant.record(c.req.method, path, fault.status)
        return c.html(`<html><body><h1>${fault.status} Service Unavailable</h1></body></html>`, fault.status as 503)
      }
      throw new SandboxError(fault.status, fault.status === 429 ? 'TooManyRequests' : 'Fault', `Injected fault ${fault.status}.`, fault.status === 429 ? { 'Retry-After': '1' } : {})
    }
    if (!tenant.admit()) {
      const retry = tenant.config.retryAfterSeconds
      throw new SandboxError(429, 'TooManyRequests', 'Rate limit is exceeded. Try again later.', retry === null ? {} : { 'Retry-After': String(retry) })
    }
    if (WRITES.has(c.req.method) && access === 'read') throw new SandboxError(403, 'Forbidden', 'This API key is read-only; writes need a read-write key.')
    c.set('tenant', tenant)
    c.set('access', access)
    await next()
    tenant.record(c.req.method, path, c.res.status)
  } catch (err) {
    tenant.record(c.req.method, path, err instanceof SandboxError ? err.status : 500)
    throw err
  }
}
