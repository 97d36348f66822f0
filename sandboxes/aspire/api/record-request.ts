/** Appends every request of a known tenant to its log once the answer is settled. */
import type { MiddlewareHandler } from 'hono'
import type { SandboxEnv } from './env'

export const recordRequest: MiddlewareHandler<SandboxEnv> = async (c, next) => {
  await next()
  const tenant = c.get('tenant')
  if (!tenant) return
  const url = new URL(c.req.url)
  const fault = c.get('fault')
  tenant.log.add({
    at: new Date(tenant.now()).toISOString(),
    method: c.req.method,
    path: url.pathname + url.search,
    status: c.res.status,
    ...(fault ? { fault } : {}),
  })
}
