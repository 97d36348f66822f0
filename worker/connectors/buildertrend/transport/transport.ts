/**
 * How a request reaches Buildertrend's web app (docs/design/browser-transport.md): the Worker's own `fetch` dressed as
 * Chrome, or a real Chromium from Cloudflare Browser Rendering. Both take the session's cookie jar, run one JSON call
 * of the app and renew the jar from what the app answered; client.ts reads the answer the same way for both.
 * @module
 */
import type { CookieJar } from '../cookie-jar'

export interface BtRequest {
  method: 'GET' | 'POST'
  /** Path on the app origin, e.g. `/api/...`. */
  path: string
  body?: unknown
  bearer: string | null
}

export interface BtReply {
  status: number
  /** A 3xx the app answered, or an in-page fetch that was redirected: the session is gone (§16.4). */
  redirected: boolean
  text: string
}

export interface BtTransport {
  readonly kind: 'fetch' | 'browser'
  /** Sends with the jar's cookies; the jar is renewed (or emptied) from the answer. */
  send(appUrl: string, jar: CookieJar, request: BtRequest): Promise<BtReply>
  /** Releases what the transport holds (the browser); safe to call more than once. */
  close(): Promise<void>
}
