/** Spends one request of the tenant's budget; 429 with a JSON message when it is gone. */
import type { MiddlewareHandler } from 'hono'
import type { SandboxEnv } from './env'

export const enforceRateLimit: MiddlewareHandler<SandboxEnv> = async (c, next) => {
  const tenant = c.get('tenant')
  if (!tenant) return next()
  const result = tenant.bucket.take(tenant.now())
  if (result.ok) return next()
  // Aspire documents no Retry-After; a tenant switch adds one to test clients that honour it.
  const headers: Record<string, string> = tenant.config.retryAfter ? { 'Retry-After': String(result.retryAfterSeconds) } : {}
  return c.json({ message: `API rate limit exceeded. The limit is ${result.perMinute} requests per minute.` }, 429, headers)
}
