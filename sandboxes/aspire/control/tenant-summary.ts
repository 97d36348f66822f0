/** What the control API says about a tenant. */
import type { Tenant } from '../tenant/tenant'

export const tenantSummary = (tenant: Tenant) => ({
  clientId: tenant.clientId,
  secret: tenant.options.secret,
  seed: tenant.options.seed,
  size: tenant.options.size,
  timeZone: tenant.options.timeZone,
  timeZoneNames: tenant.options.timeZoneNames,
  anchorDate: tenant.options.anchorDate ?? null,
  hostile: tenant.options.hostile ?? false,
  config: tenant.config,
  now: new Date(tenant.now()).toISOString(),
  localNow: tenant.localNow(),
  counts: tenant.counts(),
})
