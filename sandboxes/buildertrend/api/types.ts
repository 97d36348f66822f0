import type { Tenant } from '../tenant/tenant'

/** Hono environment of the Buildertrend API routes: the tenant of the request's session. */
export type BtEnv = { Variables: { tenant: Tenant } }
