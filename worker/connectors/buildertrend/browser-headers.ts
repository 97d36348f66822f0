/**
 * What a signed-in Chrome tab sends with the web app's own `fetch` calls (docs/vendors/buildertrend.md §16.3: the
 * headers BC-API and BC-PY captured from a browser). Buildertrend's edge answers clients that do not look like Chrome
 * with `302 → /app/error` (BC-API). Headers alone do not give a Worker Chrome's TLS fingerprint: whether the real edge
 * checks that too is unknown (§16.9.1; docs/design/browser-transport.md).
 * @module
 */

/** One stable Chrome release, as Chrome itself spells it on Windows. */
const CHROME_MAJOR = '131'

export const CHROME_USER_AGENT = `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${CHROME_MAJOR}.0.0.0 Safari/537.36`

/** The same Chrome as client hints, for a real browser whose user agent we override (the browser transport). */
export const CHROME_UA_METADATA = {
  brands: [
    { brand: 'Google Chrome', version: CHROME_MAJOR },
    { brand: 'Chromium', version: CHROME_MAJOR },
    { brand: 'Not_A Brand', version: '24' },
  ],
  platform: 'Windows',
  platformVersion: '10.0.0',
  architecture: 'x86',
  model: '',
  mobile: false,
}

/**
 * The app's in-page `fetch`: same-origin, CORS mode, no destination; `portaltype: 1` is the builder portal. Chrome adds
 * `origin` to a POST only.
 */
export function browserHeaders(appUrl: string, post: boolean): Record<string, string> {
  return {
    'user-agent': CHROME_USER_AGENT,
    accept: '*/*',
    'accept-language': 'en-US,en;q=0.9',
    'sec-ch-ua': `"Google Chrome";v="${CHROME_MAJOR}", "Chromium";v="${CHROME_MAJOR}", "Not_A Brand";v="24"`,
    'sec-ch-ua-mobile': '?0',
    'sec-ch-ua-platform': '"Windows"',
    'sec-fetch-dest': 'empty',
    'sec-fetch-mode': 'cors',
    'sec-fetch-site': 'same-origin',
    referer: `${appUrl}/app/Landing`,
    portaltype: '1',
    ...(post ? { origin: appUrl, 'content-type': 'application/json' } : {}),
  }
}

/** RO-PULL's mobile-style sign-in poses as the iPhone app (§16.2), without `portaltype`. */
export const MOBILE_APP_VERSION = '24.8.0'
export const MOBILE_USER_AGENT = `Buildertrend/${MOBILE_APP_VERSION} (iPhone; iOS 18.5; Scale/3.00)`
