/**
 * `createBuildertrendSandbox`: a stand-in for buildertrend.net's internal JSON endpoints (and the Auth0
 * token endpoint) as a platform-neutral Hono app, with in-memory tenants and the control API under
 * `/__control`. See docs/vendors/buildertrend.md §13 for what it must reproduce.
 * @module
 */
import { assembleSandbox, type SandboxApp, type SandboxOptions } from '../shared/sandbox-app'
import { createBuildertrendApp } from './api/buildertrend-app'
import { createControlApp } from './control/control-app'
import { createSandboxCore, type SandboxCore } from './sandbox-core'
import type { Tenant } from './tenant/tenant'

/** `seedDemo` creates the demo tenant (`demo@buildertrend.test` / `demo-password`). */
export type BuildertrendSandboxOptions = SandboxOptions

export type BuildertrendSandbox = SandboxApp<SandboxCore>

export const BT_DEMO_USERNAME = 'demo@buildertrend.test'
export const BT_DEMO_PASSWORD = 'demo-password'

export const createDemoTenant = (core: SandboxCore): Tenant =>
  core.createTenant({ id: 'demo', username: BT_DEMO_USERNAME, password: BT_DEMO_PASSWORD, builderName: 'Summit Ridge Builders (demo)', seed: 'demo', size: 'demo', timeZone: 'America/Denver' })

/**
 * @example
 * const sandbox = createBuildertrendSandbox()
 * const tenant = sandbox.createTenant({ size: 'small' })
 * const res = await sandbox.app.request('/oauth/token', { method: 'POST', body: JSON.stringify({ grant_type: 'password', username: tenant.username, password: tenant.password }) })
 */
export function createBuildertrendSandbox(options: BuildertrendSandboxOptions = {}): BuildertrendSandbox {
  return assembleSandbox(createSandboxCore(options.now), { seedDemo: options.seedDemo, createDemoTenant, control: createControlApp, api: createBuildertrendApp })
}
