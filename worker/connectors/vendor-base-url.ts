/**
 * The development-only `baseUrl` every connector's settings accept: it points a connection at a local vendor
 * sandbox. On a production server it would let anyone with an admin account send vendor credentials to a host of
 * their choice and make the Worker fetch arbitrary addresses, so the API accepts it only where the environment
 * flag `ALLOW_VENDOR_BASE_URL = "true"` is set (`wrangler dev` through tools/dev/local-stack.ts, and the workerd
 * tests); the production config never sets it.
 * @module
 */
import { z } from 'zod'
import type { Env } from '../env'
import { ApiError } from '../http/api-error'
import { VendorError } from '../sync/vendor-error'

/** The settings field, shared by the three connectors so its meaning and its guard stay in one place. */
export const VendorBaseUrl = z.url().optional()

export const VENDOR_ADDRESS_REFUSED =
  'Vendor addresses can only be changed on a development server. Remove settings.baseUrl to connect to the vendor itself.'

export const vendorAddressesAllowed = (env: Pick<Env, 'ALLOW_VENDOR_BASE_URL'>) => env.ALLOW_VENDOR_BASE_URL === 'true'

/**
 * Refuses (400) settings sent by a client that carry a `baseUrl` when this server does not allow vendor
 * addresses. Run on the raw request, before the connector's schema, so it cannot be bypassed by any connector.
 */
export function refuseVendorAddressUnlessAllowed(env: Pick<Env, 'ALLOW_VENDOR_BASE_URL'>, settings: unknown) {
  const hasAddress = typeof settings === 'object' && settings !== null && Object.hasOwn(settings, 'baseUrl')
  if (hasAddress && !vendorAddressesAllowed(env)) {
    throw new ApiError('bad_request', VENDOR_ADDRESS_REFUSED, [{ path: 'settings.baseUrl', message: VENDOR_ADDRESS_REFUSED }])
  }
}

export const STORED_VENDOR_ADDRESS_REFUSED =
  'This connection points at a development vendor address (settings.baseUrl), which this server does not allow, so nothing was sent to it. Disconnect it and connect again without a vendor address.'

/**
 * The same rule where a sync reads the stored settings: a connection saved with a `baseUrl` (on a development server,
 * or before the flag was turned off) must not send credentials there either. A person has to act, so it is a relink.
 */
export function refuseStoredVendorAddressUnlessAllowed(env: Pick<Env, 'ALLOW_VENDOR_BASE_URL'>, settings: unknown) {
  const hasAddress = typeof settings === 'object' && settings !== null && (settings as { baseUrl?: unknown }).baseUrl !== undefined
  if (hasAddress && !vendorAddressesAllowed(env)) throw new VendorError('forbidden', STORED_VENDOR_ADDRESS_REFUSED)
}
