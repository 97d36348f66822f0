/**
 * Works out which tenant a request belongs to before anything answers it, so that faults, the rate
 * budget and the request log apply per tenant: by ClientId on /Authorization, by refresh token on
 * /Authorization/RefreshToken, otherwise by bearer token (expired tokens still identify their tenant).
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { SandboxCore } from '../sandbox-core'
import type { SandboxEnv } from './env'

export const bearerOf = (header: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1]

/** The JSON body, or undefined when it is not JSON (Hono caches it for the handler). */
export const jsonBody = (c: Context): Promise<Record<string, unknown> | undefined> =>
  c.req.json<Record<string, unknown>>().then(
    (body) => (body !== null && typeof body === 'object' ? body : undefined),
    () => undefined,
  )

export const identifyTenant =
  (core: SandboxCore): MiddlewareHandler<SandboxEnv> =>
  async (c, next) => {
    const { method, path } = c.req
    if (method === 'POST' && path === '/Authorization') {
      const clientId = (await jsonBody(c))?.ClientId
      c.set('tenant', typeof clientId === 'string' ? core.tenants.get(clientId) : undefined)
    } else if (method === 'POST' && path === '/Authorization/RefreshToken') {
      const refreshToken = (await jsonBody(c))?.RefreshToken
      const issued = typeof refreshToken === 'string' ? core.tokens.lookupRefresh(refreshToken) : undefined
      c.set('tenant', issued ? core.tenants.get(issued.clientId) : undefined)
    } else {
      const token = bearerOf(c.req.header('Authorization'))
      const issued = token ? core.tokens.lookup(token) : undefined
      c.set('issued', issued)
      c.set('tenant', issued ? core.tenants.get(issued.clientId) : undefined)
    }
    await next()
  }
