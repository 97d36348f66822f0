/**
 * Aspire sandbox: a local stand-in for Aspire's External API server (see README.md). Platform-neutral;
 * the Node server lives in `serve.ts`.
 * @module
 */
export { ASPIRE_DEMO_CREDENTIALS, createAspireSandbox, createDemoTenant, DEMO_CLIENT_ID, DEMO_SECRET } from './sandbox'
export type { AspireSandbox, AspireSandboxOptions } from './sandbox'
export type { CreateTenantInput, SandboxCore } from './sandbox-core'
export { ENTITY_SETS, ENTITY_SET_NAMES } from './entities'
export type { EntitySet, Row } from './entities'
export type { Tenant } from './tenant/tenant'
export type { TenantConfig } from './tenant/config'
export type { FaultSpec } from './tenant/faults'
export type { LoggedRequest } from './tenant/tenant'
export { SIZES } from './generate/sizes'
export type { SizeInput, SizeSpec } from './generate/sizes'
