/**
 * What can go wrong talking to a vendor, in the categories a person acts on differently.
 * @module
 */
export const vendorErrorKinds = {
  /** Wrong id/secret/password: fix the credentials. */
  bad_credentials: 'relink',
  /** The vendor locked the account. */
  locked: 'relink',
  /** A captcha, MFA or similar wall: a person has to sign in at the vendor. */
  needs_human: 'relink',
  /** The vendor ended our session and a fresh sign-in did not bring it back: a person opens the vendor site once. */
  session_expired: 'relink',
  /** Signed in but not allowed (e.g. an API key missing a scope). */
  forbidden: 'relink',
  /** The vendor asks us to slow down: wait and continue. */
  rate_limited: 'wait',
  /** 5xx, timeouts, refused connections: retry later, resume from the checkpoint. */
  vendor_down: 'retry',
  /** The vendor answered something we cannot read. */
  bad_response: 'retry',
} as const

export type VendorErrorKind = keyof typeof vendorErrorKinds

export class VendorError extends Error {
  constructor(
    readonly kind: VendorErrorKind,
    message: string,
    readonly options: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message)
    this.name = 'VendorError'
  }

  get action() {
    return vendorErrorKinds[this.kind]
  }
}
