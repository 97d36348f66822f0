/**
 * Buildertrend sandbox: a local stand-in for buildertrend.net's internal JSON endpoints. Platform-neutral;
 * the Node server lives in `serve.ts`.
 * @module
 */
export { BT_DEMO_PASSWORD, BT_DEMO_USERNAME, createBuildertrendSandbox, createDemoTenant } from './sandbox'
export type { BuildertrendSandbox, BuildertrendSandboxOptions } from './sandbox'
export type { CreateTenantInput, SandboxCore } from './sandbox-core'
export { SIZES } from './generate/catalog'
export type { Tenant, TenantFaults, LoginOutcome, ExpiryMode } from './tenant/tenant'
export type * from './tenant/shapes'
