import { ApiError } from '../http/api-error'
import type { Connector } from '../sync/connector'
import { scrubError, secretScrubber } from '../sync/scrub-secrets'
import { VendorError } from '../sync/vendor-error'
import { createVendorHttp } from '../sync/vendor-http'

/**
 * Checks credentials against the vendor before anything is saved, and turns what went wrong into an
 * answer a person can act on: 422 for credentials the vendor refuses, 503 when the vendor is unreachable.
 */
export async function verifyWithVendor<C, S>(connector: Connector<C, S>, credentials: C, settings: S, orgTimeZone: string, connectionId: string) {
  try {
    return await connector.verify({
      connectionId,
      orgTimeZone,
      credentials,
      settings,
      // Some vendors (Buildertrend) take 15–30 s to sign in; a person waits for this answer, so give it 40.
      http: createVendorHttp({ retries: 1, timeoutMs: 40_000 }),
      now: Date.now(),
      existingIds: async () => new Set(),
      heldValues: async () => new Map(),
    })
  } catch (raw) {
    // The vendor's words may echo the credentials; the caller gets (and the log keeps) them hidden.
    const err = scrubError(raw, secretScrubber(connector.secrets(credentials)))
    if (!(err instanceof VendorError)) throw err
    if (err.action === 'relink') throw new ApiError('unprocessable', err.message)
    if (err.kind === 'rate_limited') throw new ApiError('rate_limited', `${vendorName(connector.vendor)} is rate-limiting requests right now. Try again in a minute.`)
    throw new ApiError('vendor_unavailable', `${vendorName(connector.vendor)} could not be reached to check these credentials (${err.message}) Try again in a few minutes.`)
  }
}

const vendorName = (vendor: string) => ({ aspire: 'Aspire', buildertrend: 'Buildertrend', exaktime: 'ExakTime' })[vendor] ?? vendor
