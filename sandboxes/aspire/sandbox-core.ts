/**
 * The state behind one sandbox server: its tenants (keyed by ClientId) and the tokens issued to them.
 * @module
 */
import { ApiError } from './api-error'
import { randomToken } from './auth/jwt'
import { TokenStore } from './auth/token-store'
import type { SizeInput } from './generate/sizes'
import { DEFAULT_TENANT_CONFIG, type TenantConfig } from './tenant/config'
import { Tenant } from './tenant/tenant'
import { isValidTimeZone } from './time/local-time'
import type { TimeZoneNames } from './time/zones'

export interface CreateTenantInput {
  /** Generated (unique) when omitted, together with the secret. */
  clientId?: string
  secret?: string
  seed?: string | number
  /** Default `small`; `empty` has only contact types. */
  size?: SizeInput
  /** Company time zone (IANA), default America/Chicago. */
  timeZone?: string
  timeZoneNames?: TimeZoneNames
  /** IANA zone of each branch in order (the rest keep their cities' zones); mixes zones within one tenant. */
  branchZones?: string[]
  /** `YYYY-MM-DD`; generated history ends the day before. Default: today on the tenant clock. */
  anchorDate?: string
  config?: Partial<TenantConfig>
  /** Mix hostile names, absurd numbers, nulls and extreme dates into the generated data. */
  hostile?: boolean
}

export interface SandboxCore {
  readonly tenants: Map<string, Tenant>
  readonly tokens: TokenStore
  now(): number
  createTenant(input?: CreateTenantInput): Tenant
  deleteTenant(clientId: string): boolean
}

export const DEFAULT_SEED = 'aspire-sandbox'
export const DEFAULT_TIME_ZONE = 'America/Chicago'

export function createSandboxCore(now: () => number = Date.now): SandboxCore {
  const tenants = new Map<string, Tenant>()
  const tokens = new TokenStore()
  let counter = 0
  return {
    tenants,
    tokens,
    now,
    createTenant(input = {}) {
      counter++
      const clientId = input.clientId ?? `sandbox-client-${counter}-${randomToken(6)}`
      if (tenants.has(clientId)) throw new ApiError(409, `A tenant with ClientId '${clientId}' already exists.`)
      const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE
      if (!isValidTimeZone(timeZone)) throw new ApiError(400, `Unknown time zone '${timeZone}'.`)
      const badBranchZone = input.branchZones?.find((zone) => !isValidTimeZone(zone))
      if (badBranchZone !== undefined) throw new ApiError(400, `Unknown branch time zone '${badBranchZone}'.`)
      const tenant = new Tenant(
        {
          clientId,
          secret: input.secret ?? randomToken(24),
          seed: String(input.seed ?? DEFAULT_SEED),
          size: input.size ?? 'small',
          timeZone,
          timeZoneNames: input.timeZoneNames ?? 'iana',
          ...(input.branchZones ? { branchZones: input.branchZones } : {}),
          ...(input.anchorDate ? { anchorDate: input.anchorDate } : {}),
          ...(input.hostile ? { hostile: true } : {}),
        },
        { ...DEFAULT_TENANT_CONFIG, ...input.config },
        now,
      )
      tenants.set(clientId, tenant)
      return tenant
    },
    deleteTenant(clientId) {
      tokens.forget(clientId)
      return tenants.delete(clientId)
    },
  }
}
