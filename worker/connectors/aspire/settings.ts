import { z } from 'zod'
import { VendorBaseUrl } from '../vendor-base-url'

/** Aspire's credentials: the Client ID and Secret an admin creates under Administration → Application → API. */
export const AspireCredentials = z.object({
  clientId: z.string().trim().min(1, 'Client ID is required').max(200),
  secret: z.string().trim().min(1, 'Secret is required').max(500),
})
export type AspireCredentials = z.infer<typeof AspireCredentials>

export const ASPIRE_PRODUCTION_URL = 'https://cloud-api.youraspire.com'

export const AspireSettings = z.object({
  /** The company's go-live date: time and materials before it are never imported. */
  syncStartDate: z.iso.date('syncStartDate must be a date like 2026-01-15'),
  /** Development and tests only: point the connector at a local Aspire sandbox. */
  baseUrl: VendorBaseUrl,
  /** Contact types that are employees (type names are tenant data in Aspire). */
  employeeContactTypes: z.array(z.string().min(1)).min(1).default(['Employee']),
  /** Trailing window, in days, re-checked every run to notice time and materials deleted in Aspire. */
  reconcileDays: z.number().int().min(1).max(400).default(35),
  pageSize: z.number().int().min(1).max(1000).default(1000),
})
export type AspireSettings = z.infer<typeof AspireSettings>
