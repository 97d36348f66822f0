/**
 * ExakTime sandbox: a local stand-in for Arcoro's API host, reached with an API key (see README.md).
 * Platform-neutral; the Node server lives in `serve.ts`.
 * @module
 */
export { createDemoTenant, createExakTimeSandbox, EXAKTIME_DEMO } from './sandbox'
export type { ExakTimeSandbox, ExakTimeSandboxOptions } from './sandbox'
export type { CreateTenantInput, SandboxCore } from './sandbox-core'
export type { Tenant } from './tenant/tenant'
export type { TenantConfig } from './tenant/config'
export { SIZES } from './generate/sizes'
export { ENTITY_SETS } from './odata/entity-sets'
export { KEY_HEADER } from './api/guard'
