/**
 * Bearer checks for every non-anonymous operation: 401 when the token is missing, unknown, expired or
 * revoked by "expire all tokens"; 403 when the key's scope list lacks the resource.
 * @module
 */
import type { Context } from 'hono'
import { ApiError } from '../api-error'
import { isLive } from '../auth/token-store'
import type { Tenant } from '../tenant/tenant'
import type { SandboxEnv } from './env'

const DENIED = 'Authorization has been denied for this request.'

export function authenticate(c: Context<SandboxEnv>, resource: string): Tenant {
  const issued = c.get('issued')
  const tenant = c.get('tenant')
  if (!c.req.header('Authorization')) throw new ApiError(401, DENIED, { headers: { 'WWW-Authenticate': 'Bearer' } })
  if (!issued || !tenant) throw new ApiError(401, DENIED, { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } })
  if (!isLive(issued, tenant, tenant.tokenGeneration)) {
    const expiredAt = new Date(Math.min(issued.expiresAt, tenant.now())).toUTCString()
    throw new ApiError(401, DENIED, {
      headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="The token expired at '${expiredAt}'"` },
    })
  }
  if (tenant.config.scopes && !tenant.config.scopes.includes(resource)) {
    throw new ApiError(403, `The API key is not authorized for '${resource}'.`)
  }
  return tenant
}
