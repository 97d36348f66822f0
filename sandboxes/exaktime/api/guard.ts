/**
 * The Arcoro gateway in front of `/v1` and `/odata`, serving the same *assumed* key flow as the adapter's
 * `worker/connectors/exaktime/key-flow.ts` (docs/vendors/exaktime.md §12.2, §12.5): the key itself in
 * `Ocp-Apim-Subscription-Key` on every request (header name assumed; the Azure API Management convention that
 * Unified.to's "API Subscription Key" suggests), validated per request, no exchange step. It finds the tenant by
 * the key and refuses, each with its own status: a missing key (401), an unknown key (401), a read-only key on
 * anything that writes (403; the connector writes nothing), a key without access to the resource (403, naming it);
 * then applies faults and the throttle, and logs the request.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import { SandboxError } from '../errors'
import type { SandboxCore } from '../sandbox-core'
import type { ApiKey, Tenant } from '../tenant/tenant'

export const KEY_HEADER = 'Ocp-Apim-Subscription-Key'

export type GuardEnv = { Variables: { tenant: Tenant; access: ApiKey['access'] } }

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function identify(core: SandboxCore, c: Context): { tenant: Tenant; key: ApiKey } {
  const value = c.req.header(KEY_HEADER)
  if (!value) throw new SandboxError(401, 'Unauthorized', 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.')
  const tenant = core.byKey(value)
  const key = tenant?.apiKey(value)
  if (!tenant || !key) throw new SandboxError(401, 'Unauthorized', 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.')
  return { tenant, key }
}

/**
 * What a request reads, as a key's grants name it: the OData set (`/odata/DwTimeRecords` → `DwTimeRecords`) or
 * the REST resource, the last non-numeric segment (`/v1/Common/Persons/12/Employees` → `Employees`).
 */
export function resourceOf(path: string): string | null {
  const segments = path.split('/').filter(Boolean)
  if (segments[0] === 'odata') return segments[1] ?? null
  return segments.filter((s) => !/^\d+$/.test(s)).at(-1) ?? null
}

export const guard = (core: SandboxCore): MiddlewareHandler<GuardEnv> => async (c, next) => {
  const { tenant, key } = identify(core, c)
  const access = key.access
  const url = new URL(c.req.url)
  const path = url.pathname
  // The log keeps the query too (request-log.ts), so a test can tell which days a pass asked for.
  const logged = `${path}${url.search}`
  try {
    const fault = tenant.faults.take(path)
    if (fault) {
      if (fault.html) {
        tenant.record(c.req.method, logged, fault.status)
        return c.html(`<html><body><h1>${fault.status} Service Unavailable</h1></body></html>`, fault.status as 503)
      }
      throw new SandboxError(fault.status, fault.status === 429 ? 'TooManyRequests' : 'Fault', `Injected fault ${fault.status}.`, fault.status === 429 ? { 'Retry-After': '1' } : {})
    }
    if (!tenant.admit()) {
      const retry = tenant.config.retryAfterSeconds
      throw new SandboxError(429, 'TooManyRequests', 'Rate limit is exceeded. Try again later.', retry === null ? {} : { 'Retry-After': String(retry) })
    }
    if (WRITES.has(c.req.method) && access === 'read') throw new SandboxError(403, 'Forbidden', 'This API key is read-only; writes need a read-write key.')
    const resource = resourceOf(path)
    if (resource && key.denied?.includes(resource)) throw new SandboxError(403, 'Forbidden', `This API key has no access to ${resource}.`)
    c.set('tenant', tenant)
    c.set('access', access)
    await next()
    tenant.record(c.req.method, logged, c.res.status)
  } catch (err) {
    tenant.record(c.req.method, logged, err instanceof SandboxError ? err.status : 500)
    throw err
  }
}
