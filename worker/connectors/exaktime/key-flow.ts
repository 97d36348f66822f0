/**
 * How an Arcoro API key is presented and what a refusal means: the ONE *assumed* item of the ExakTime adapter
 * (docs/vendors/exaktime.md §12.2, §12.5 item 4, §11.1).
 *
 * What is documented (Arcoro's April 2026 release notes): keys are "validated through a dedicated login flow", and
 * "each API key can be assigned as read-only or read-write". What is not: the header, or whether that flow is a
 * call-time exchange (key for token) or a check when the key is created in Hub. No source gives an exchange
 * endpoint, so inventing one would add a second guess; we send the key itself on every request in the Azure API
 * Management header (Unified.to calls the credential an "API Subscription Key", §12.3) and let the gateway
 * validate it per request. When a real key settles it, change this file only: every request's headers and every
 * key refusal go through it, and the stand-in's `sandboxes/exaktime/api/guard.ts` serves the same assumption.
 *
 * We only read: a read-only key is enough, and nothing here needs read-write.
 * @module
 */
import { VendorError } from '../../sync/vendor-error'
import { CREATE_KEY, hasApiKey, NO_PASSWORD_LOGIN } from './settings'

/** *Assumed* (§11.1): no public source names the header. */
export const KEY_HEADER = 'Ocp-Apim-Subscription-Key'

/** The headers that carry the key on one request (no exchange step: see the module comment). */
export const keyHeaders = (apiKey: string): Record<string, string> => ({ [KEY_HEADER]: apiKey })

/**
 * A connection stored when ExakTime could still be connected with a username and password has no key: it stops
 * with a relink and says what to do, rather than failing on a missing field.
 */
export function requireApiKey<C>(credentials: C): asserts credentials is C & { apiKey: string } {
  if (!hasApiKey(credentials)) {
    throw new VendorError('bad_credentials', `${NO_PASSWORD_LOGIN} Create an API key in Arcoro (${CREATE_KEY}) and reconnect ExakTime with it.`)
  }
}

/**
 * The permission a 403 names: the data set the key may not read. Arcoro's per-key controls are documented only as
 * read-only / read-write; access per data set is *assumed* (a gateway product per module or set).
 */
export function keyRefusal(status: number, what: string): VendorError | null {
  if (status === 401) {
    return new VendorError('bad_credentials', `Arcoro refused the ExakTime API key (it was deleted, expired or mistyped). Check it in Arcoro's Hub under API keys, or create a new one (a read-only key is enough), and reconnect.`, { status })
  }
  if (status === 403) {
    return new VendorError('forbidden', `The ExakTime API key lacks read access to ${what}. In Arcoro's Hub (API keys), give the key read access to ${what} (read-only is enough), then reconnect.`, { status })
  }
  return null
}

/** The vendor could not be reached at all (DNS, refused connection, timeout): not the key's fault. */
export const unreachable = (host: string, cause: VendorError) =>
  new VendorError('vendor_down', `${host} ${cause.message.replace(/^The vendor /, '').replace(/\.$/, '')}; nothing is wrong with the API key.`, cause.options)
