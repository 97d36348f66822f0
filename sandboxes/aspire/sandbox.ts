/**
 * `createAspireSandbox`: a stand-in for Aspire's External API server as a platform-neutral Hono app, with
 * in-memory multi-tenant state and the control API under `/__control`.
 * @module
 */
import { assembleSandbox, type SandboxApp, type SandboxOptions } from '../shared/sandbox-app'
import { createAspireApp } from './api/aspire-app'
import { createControlApp } from './control/control-app'
import { createSandboxCore, type SandboxCore } from './sandbox-core'
import type { Tenant } from './tenant/tenant'

/** `seedDemo` creates the demo tenant (`demo-client` / `demo-secret`). */
export type AspireSandboxOptions = SandboxOptions

export type AspireSandbox = SandboxApp<SandboxCore>

export const DEMO_CLIENT_ID = 'demo-client'
export const DEMO_SECRET = 'demo-secret'
/** The demo tenant's credentials as `POST /Authorization` expects them. */
export const ASPIRE_DEMO_CREDENTIALS = { ClientId: DEMO_CLIENT_ID, Secret: DEMO_SECRET } as const

/** The demo tenant: a landscaping company with two branches, production rate limits, America/Chicago. */
export const createDemoTenant = (core: SandboxCore): Tenant =>
  core.createTenant({ clientId: DEMO_CLIENT_ID, secret: DEMO_SECRET, seed: 'demo', size: 'demo', timeZone: 'America/Chicago', config: { rateLimit: 'production' } })

/**
 * @example
 * const sandbox = createAspireSandbox()
 * const tenant = sandbox.createTenant({ size: 'small' })
 * const res = await sandbox.app.request('/Authorization', {
 *   method: 'POST',
 *   headers: { 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ ClientId: tenant.clientId, Secret: tenant.options.secret }),
 * })
 */
export function createAspireSandbox(options: AspireSandboxOptions = {}): AspireSandbox {
  return assembleSandbox(createSandboxCore(options.now), { seedDemo: options.seedDemo, createDemoTenant, control: createControlApp, api: createAspireApp })
}
