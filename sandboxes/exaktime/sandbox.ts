/**
 * `createExakTimeSandbox`: a stand-in for Arcoro's API host (`api.arcoro.com`: REST `/v1`, OData `/odata`),
 * reached with an API key only, as a platform-neutral Hono app with in-memory tenants and the control API
 * under `/__control`.
 * @module
 */
import { Hono } from 'hono'
import type { SandboxApp, SandboxOptions } from '../shared/sandbox-app'
import { createControlApp } from './control/control-app'
import { guard, type GuardEnv } from './api/guard'
import { createODataApp } from './api/odata-app'
import { createRestApp } from './api/rest-app'
import { SandboxError } from './errors'
import { createSandboxCore, type SandboxCore } from './sandbox-core'
import type { Tenant } from './tenant/tenant'

/** `seedDemo` creates the demo company (`acme`, see EXAKTIME_DEMO). */
export type ExakTimeSandboxOptions = SandboxOptions

export type ExakTimeSandbox = SandboxApp<SandboxCore>

/** The demo company `npm start` and manual testing use. */
export const EXAKTIME_DEMO = {
  companyId: 'acme',
  apiKey: 'demo-exaktime-key',
  readOnlyApiKey: 'demo-exaktime-read-key',
} as const

export const createDemoTenant = (core: SandboxCore): Tenant =>
  core.createTenant({
    companyId: EXAKTIME_DEMO.companyId,
    apiKeys: [
      { key: EXAKTIME_DEMO.apiKey, access: 'read_write' },
      { key: EXAKTIME_DEMO.readOnlyApiKey, access: 'read' },
    ],
    seed: 'demo',
    size: 'demo',
    jobSource: 'job',
    timeZone: 'America/Chicago',
    config: { rateLimitPerMinute: 600 },
  })

export function createExakTimeSandbox(options: ExakTimeSandboxOptions = {}): ExakTimeSandbox {
  const core = createSandboxCore(options.now)
  if (options.seedDemo) createDemoTenant(core)
  const app = new Hono()
  app.onError((err, c) => {
    if (err instanceof SandboxError) return c.json(err.body(), err.status as 400, err.headers)
    console.error(err)
    return c.json({ error: { code: 'InternalServerError', message: 'An error has occurred.' } }, 500)
  })
  app.route('/__control', createControlApp(core))
  const api = new Hono<GuardEnv>()
  api.use('*', guard(core))
  api.route('/v1', createRestApp())
  api.route('/odata', createODataApp())
  app.route('/', api)
  app.notFound((c) => c.json({ error: { code: 'NotFound', message: `No resource at ${new URL(c.req.url).pathname}.` } }, 404))
  return { ...core, app }
}
