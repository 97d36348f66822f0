/**
 * Per-tenant switches for the API's undocumented or tenant-specific behaviour. Defaults follow docs/vendors/aspire.md's
 * working assumptions; tests flip them to prove the connector copes with the alternatives.
 * @module
 */
import type { RateLimitSetting } from './rate-limit'
import type { WorkTicketStatusCode } from './work-ticket-status'

export interface TenantConfig {
  /** Bare JSON array (as typed in the spec) or the `{ "value": [...] }` envelope some clients see. */
  listEnvelope: 'array' | 'value'
  /** Status for wrong ClientId/Secret or an unknown refresh token; Aspire reportedly answers 404. */
  badCredentialsStatus: 401 | 404
  tokenLifetimeSeconds: number
  refreshTokenLifetimeSeconds: number
  /** Resources (first path segment, e.g. `WorkTickets`) the key may call; null means all. */
  scopes: string[] | null
  rateLimit: RateLimitSetting
  /** Whether 429 answers carry Retry-After (Aspire documents none). */
  retryAfter: boolean
  /** Tenant display names for the fixed work ticket status codes. */
  statusNames: Partial<Record<WorkTicketStatusCode, string>>
  /** How the Canceled status code is spelled; Aspire's own pages use both. */
  canceledSpelling: 'Canceled' | 'Cancelled'
  defaultPageSize: number
  maxPageSize: number
}

export const DEFAULT_TENANT_CONFIG: TenantConfig = {
  listEnvelope: 'array',
  badCredentialsStatus: 404,
  tokenLifetimeSeconds: 24 * 60 * 60,
  refreshTokenLifetimeSeconds: 30 * 24 * 60 * 60,
  scopes: null,
  rateLimit: 'off',
  retryAfter: false,
  statusNames: {},
  canceledSpelling: 'Canceled',
  defaultPageSize: 25,
  maxPageSize: 1000,
}
