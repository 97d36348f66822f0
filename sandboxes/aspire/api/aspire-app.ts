/** The Aspire External API stand-in: tenant identification, request log, faults, rate limit, dispatch. */
import { Hono } from 'hono'
import type { SandboxCore } from '../sandbox-core'
import { dispatch } from './dispatch'
import type { SandboxEnv } from './env'
import { identifyTenant } from './identify-tenant'
import { injectFaults } from './inject-faults'
import { onError } from './on-error'
import { enforceRateLimit } from './rate-limit'
import { recordRequest } from './record-request'

export function createAspireApp(core: SandboxCore): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>()
  app.onError(onError)
  app.use('*', identifyTenant(core), recordRequest, injectFaults, enforceRateLimit)
  app.all('*', dispatch(core))
  return app
}
