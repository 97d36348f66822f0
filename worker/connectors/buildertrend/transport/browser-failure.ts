/**
 * Browser Rendering's own failures, in words a person can act on. They are Protiv's browser failing, not Buildertrend:
 * the words say so, so nobody goes to check their Buildertrend account for it.
 * @module
 */
import { VendorError } from '../../../sync/vendor-error'

export const BROWSER_QUOTA =
  "Protiv's browser for Buildertrend has used up its time for now (Cloudflare Browser Rendering limit). Nothing to do on your side: the sync continues when the limit resets."
export const BROWSER_DOWN =
  "Protiv's browser for Buildertrend could not start. This is on Protiv's side, not Buildertrend's: the sync tries again by itself."

/** Free plan: "Unable to create new browser: code: 429: message: Browser time limit exceeded for today" (FAQ, §3). */
const QUOTA = /\b429\b|time limit exceeded|rate limit/i

/** Waits a quarter hour before trying a browser again after a quota refusal: the limit is per day or per minute. */
const QUOTA_WAIT_MS = 15 * 60_000

export function browserFailure(err: unknown): VendorError {
  if (err instanceof VendorError) return err
  const message = err instanceof Error ? err.message : String(err)
  if (QUOTA.test(message)) return new VendorError('rate_limited', BROWSER_QUOTA, { status: 429, retryAfterMs: QUOTA_WAIT_MS })
  return new VendorError('vendor_down', `${BROWSER_DOWN} (${message.slice(0, 200)})`)
}
