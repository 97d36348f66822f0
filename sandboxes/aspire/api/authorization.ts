/** `POST /Authorization` and `POST /Authorization/RefreshToken` (no bearer). */
import type { Context } from 'hono'
import { ApiError } from '../api-error'
import { isLive } from '../auth/token-store'
import type { SandboxCore } from '../sandbox-core'
import { validateBody } from '../spec/validate-body'
import { DEFAULT_TENANT_CONFIG } from '../tenant/config'
import type { SandboxEnv } from './env'
import { jsonBody } from './identify-tenant'

const AUTH_REQUEST = 'AspireCloud.Domain.Config.ExternalApiUsers.ApiAuthenticationRequest'

export async function authorize(c: Context<SandboxEnv>, core: SandboxCore): Promise<Response> {
  const body = validateBody(AUTH_REQUEST, await jsonBody(c))
  const tenant = core.tenants.get(body.ClientId as string)
  if (!tenant || tenant.options.secret !== body.Secret) {
    // Aspire reportedly answers wrong credentials with 404; a tenant may switch that to 401.
    const status = tenant?.config.badCredentialsStatus ?? DEFAULT_TENANT_CONFIG.badCredentialsStatus
    throw new ApiError(status, 'Invalid ClientId or Secret.')
  }
  return c.json(core.tokens.issue(tenant))
}

export async function refresh(c: Context<SandboxEnv>, core: SandboxCore): Promise<Response> {
  const refreshToken = (await jsonBody(c))?.RefreshToken
  if (typeof refreshToken !== 'string' || refreshToken === '') {
    throw new ApiError(400, 'One or more validation errors occurred.', { errors: { RefreshToken: ['The RefreshToken field is required.'] } })
  }
  const issued = core.tokens.lookupRefresh(refreshToken)
  const tenant = issued ? core.tenants.get(issued.clientId) : undefined
  if (!issued || !tenant || !isLive(issued, tenant, tenant.refreshGeneration)) {
    const status = tenant?.config.badCredentialsStatus ?? DEFAULT_TENANT_CONFIG.badCredentialsStatus
    throw new ApiError(status, 'Invalid refresh token.')
  }
  core.tokens.retireRefresh(refreshToken)
  return c.json(core.tokens.issue(tenant))
}
