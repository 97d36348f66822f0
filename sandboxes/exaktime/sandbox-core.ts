/**
 * The tenants of one sandbox server, keyed by Company ID, and how a request finds its tenant: by its Arcoro
 * API key (global, like a gateway subscription key). There is no username/password login: no public source
 * shows one (docs/vendors/exaktime.md §12.5).
 * @module
 */
import { isValidTimeZone } from '../shared/zoned-time'
import { badRequest, SandboxError } from './errors'
import type { SizeInput } from './generate/sizes'
import { DEFAULT_CONFIG, type TenantConfig } from './tenant/config'
import { randomToken, Tenant, type ApiKey } from './tenant/tenant'

export interface CreateTenantInput {
  /** The `{company}.exaktime.com` subdomain; generated when omitted. */
  companyId?: string
  /** Default: one read-write and one read-only key, generated. */
  apiKeys?: Array<{ key?: string; access: ApiKey['access']; denied?: string[] }>
  seed?: string | number
  size?: SizeInput
  timeZone?: string
  jobSource?: 'location' | 'job'
  config?: Partial<TenantConfig>
  /** Mix hostile names, numbers as strings, absurd numbers, nulls and impossible dates into the data. */
  hostile?: boolean
}

export interface SandboxCore {
  readonly tenants: Map<string, Tenant>
  now(): number
  createTenant(input?: CreateTenantInput): Tenant
  deleteTenant(companyId: string): boolean
  byKey(key: string): Tenant | undefined
}

export const COMPANY_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/

export function createSandboxCore(now: () => number = Date.now): SandboxCore {
  const tenants = new Map<string, Tenant>()
  let counter = 0
  return {
    tenants,
    now,
    createTenant(input = {}) {
      counter++
      const companyId = (input.companyId ?? `company${counter}${randomToken(4).replace(/[^A-Za-z0-9]/g, '')}`).toLowerCase()
      if (!COMPANY_ID.test(companyId)) throw badRequest(`'${companyId}' is not a valid Company ID: letters, digits and hyphens only, no spaces.`)
      if (tenants.has(companyId)) throw new SandboxError(409, 'Conflict', `A company '${companyId}' already exists.`)
      const timeZone = input.timeZone ?? 'America/Chicago'
      if (!isValidTimeZone(timeZone)) throw badRequest(`Unknown time zone '${timeZone}'.`)
      const keys: ApiKey[] = (input.apiKeys ?? [{ access: 'read_write' }, { access: 'read' }]).map((k) => ({ key: k.key ?? `arc_${randomToken(24)}`, access: k.access, ...(k.denied ? { denied: k.denied } : {}) }))
      for (const k of keys) if ([...tenants.values()].some((t) => t.keyAccess(k.key))) throw new SandboxError(409, 'Conflict', 'That API key belongs to another company.')
      const tenant = new Tenant(
        { companyId, timeZone, seed: String(input.seed ?? 'exaktime-sandbox'), size: input.size ?? 'small', jobSource: input.jobSource ?? 'location', ...(input.hostile ? { hostile: true } : {}) },
        keys,
        { ...DEFAULT_CONFIG, ...input.config },
        now,
      )
      tenants.set(companyId, tenant)
      return tenant
    },
    deleteTenant: (companyId) => tenants.delete(companyId.toLowerCase()),
    byKey: (key) => [...tenants.values()].find((t) => t.keyAccess(key) !== undefined),
  }
}
