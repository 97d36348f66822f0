/**
 * Today's transport: the Worker's `fetch` (through the sync engine's retrying VendorHttp) with Chrome's request headers
 * (browser-headers.ts) and the cookie jar. Headers do not give a Worker Chrome's TLS fingerprint (§16.9.1).
 * @module
 */
import { VendorError } from '../../../sync/vendor-error'
import type { VendorHttp } from '../../../sync/vendor-http'
import { browserHeaders } from '../browser-headers'
import type { CookieJar } from '../cookie-jar'
import type { BtReply, BtRequest, BtTransport } from './transport'

export const UNREACHABLE = 'Buildertrend could not be reached or kept failing. Nothing to do on your side: the sync tries again by itself.'

export function fetchTransport(http: VendorHttp): BtTransport {
  return {
    kind: 'fetch',
    async send(appUrl: string, jar: CookieJar, { method, path, body, bearer }: BtRequest): Promise<BtReply> {
      const cookie = jar.header()
      let res: Response
      try {
        res = await http.fetch(`${appUrl}${path}`, {
          method,
          redirect: 'manual',
          headers: {
            ...browserHeaders(appUrl, method === 'POST'),
            ...(cookie ? { cookie } : {}),
            ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      } catch (err) {
        if (err instanceof VendorError && err.kind === 'vendor_down') throw new VendorError('vendor_down', `${UNREACHABLE} (${err.message})`, err.options)
        throw err
      }
      // Buildertrend renews (or clears) its cookies on any answer, the refusals included (RO-PULL `collectCookies`).
      jar.absorb(res)
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel()
        return { status: res.status, redirected: true, text: '' }
      }
      return { status: res.status, redirected: false, text: await res.text() }
    },
    async close() {},
  }
}
