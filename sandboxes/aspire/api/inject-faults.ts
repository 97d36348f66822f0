/**
 * Applies a tenant's fault switches that answer in place of the API: slow responses, error statuses and
 * HTML error pages. Truncated pages and lost write responses are applied by the routes themselves.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { FaultSpec } from '../tenant/faults'
import type { Tenant } from '../tenant/tenant'
import type { SandboxEnv } from './env'
import { htmlErrorPage } from './error-pages'

const MESSAGES: Record<number, string> = {
  401: 'Authorization has been denied for this request.',
  403: 'The API key is not authorized for this resource.',
  429: 'API rate limit exceeded.',
  500: 'An error has occurred.',
  503: 'Service Unavailable',
}

export const injectFaults: MiddlewareHandler<SandboxEnv> = async (c, next) => {
  const tenant = c.get('tenant')
  if (!tenant) return next()
  const request = { method: c.req.method, path: c.req.path }
  const delay = tenant.faults.take('delay', request)
  if (delay) await new Promise((resolve) => setTimeout(resolve, delay.ms))
  const failure = tenant.faults.take(['status', 'html'], request)
  if (!failure) return next()
  c.set('fault', failure.kind)
  return failure.kind === 'html' ? c.html(htmlErrorPage(failure.status ?? 503), (failure.status ?? 503) as ContentfulStatusCode) : statusAnswer(c, tenant, failure)
}

function statusAnswer(c: Context<SandboxEnv>, tenant: Tenant, fault: Extract<FaultSpec, { kind: 'status' }>): Response {
  const headers: Record<string, string> = {}
  if (fault.status === 401) headers['WWW-Authenticate'] = 'Bearer'
  if (fault.status === 429 && tenant.config.retryAfter) headers['Retry-After'] = '60'
  return c.json({ message: fault.message ?? MESSAGES[fault.status] ?? 'Injected failure.' }, fault.status as ContentfulStatusCode, headers)
}
