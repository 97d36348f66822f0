/** Per-tenant switches, set at creation (`config`) or with `PATCH /__control/tenants/:companyId`. */
export interface TenantConfig {
  /** Requests per minute per tenant before 429; null = unlimited. Arcoro says limits are configurable. */
  rateLimitPerMinute: number | null
  /** Seconds sent in `Retry-After` with a 429; null sends none. */
  retryAfterSeconds: number | null
  /** `nightly`: the warehouse serves the snapshot of the last refresh; `live`: current data. */
  warehouse: 'nightly' | 'live'
  /** Refresh by itself when the tenant clock passes 02:00 company time after the last refresh. */
  autoRefresh: boolean
}

export const DEFAULT_CONFIG: TenantConfig = { rateLimitPerMinute: null, retryAfterSeconds: 1, warehouse: 'nightly', autoRefresh: true }
