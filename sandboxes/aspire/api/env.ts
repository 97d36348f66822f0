/** Hono context typing shared by the Aspire API routes. */
import type { IssuedToken } from '../auth/token-store'
import type { Tenant } from '../tenant/tenant'

export type SandboxEnv = {
  Variables: {
    /** The tenant a request belongs to (by ClientId, refresh token or bearer, even an expired one). */
    tenant: Tenant | undefined
    issued: IssuedToken | undefined
    /** Name of the fault that shaped the answer, for the request log. */
    fault: string | undefined
  }
}
