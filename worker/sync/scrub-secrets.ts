/**
 * Vendor error texts can echo what we sent them: a login name in "user … is locked", a key in a quoted
 * URL, a request body in a validation error. Before such a text is stored (run history, connection
 * status, outbox) or shown to a caller, every credential value in it is replaced, as sent, in any letter
 * case, URL-encoded or JSON-escaped.
 * @module
 */
import { VendorError } from './vendor-error'

export const HIDDEN = '[hidden]'

/** Values this short would blank ordinary letters of every message; no vendor accepts such a secret. */
const MIN_LENGTH = 3

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * URL-encoded as a URL would carry it: a lone surrogate (no real credential has one, but a caller can send it) cannot
 * be encoded and goes out as U+FFFD; encodeURIComponent would throw instead.
 */
const urlEncoded = (secret: string) => encodeURIComponent(secret.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))

const formsOf = (secret: string) => [secret, urlEncoded(secret), JSON.stringify(secret).slice(1, -1)]

/** A function that hides the given secrets in any text; the identity when there is nothing to hide. */
export function secretScrubber(secrets: readonly string[]): (text: string) => string {
  const forms = [...new Set(secrets.filter((s) => s.length >= MIN_LENGTH).flatMap(formsOf))]
  if (!forms.length) return (text) => text
  // Longest first, so a secret that contains another is hidden whole.
  const pattern = new RegExp(forms.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'gi')
  return (text) => text.replace(pattern, HIDDEN)
}

/** The same error with its message scrubbed, for errors that are rethrown and may be logged. */
export function scrubError(err: unknown, scrub: (text: string) => string): unknown {
  if (!(err instanceof Error)) return err
  const message = scrub(err.message)
  if (message === err.message) return err
  if (err instanceof VendorError) return new VendorError(err.kind, message, err.options)
  const copy = new Error(message)
  copy.name = err.name
  return copy
}
