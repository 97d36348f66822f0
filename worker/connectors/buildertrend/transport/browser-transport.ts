/**
 * The app's JSON calls made from inside a real Chromium (Cloudflare Browser Rendering, `env.BROWSER`), so the
 * browser's own TLS, headers and cookie handling go along (docs/design/browser-transport.md §2; modelled on
 * maptap123/BuildOS `scripts/bt-timeclock-import.ts`). One browser per sync step, launched on the first call, with a
 * fresh browser context for this connection so two tenants never share cookies; each call is a `fetch` inside an app
 * page on the app origin; the context's cookies go back into the jar after every call; `close()` ends it all.
 * @module
 */
import puppeteer, { type Browser, type BrowserWorker, type Page } from '@cloudflare/puppeteer'
import { VendorError } from '../../../sync/vendor-error'
import { CHROME_UA_METADATA, CHROME_USER_AGENT } from '../browser-headers'
import type { CookieJar } from '../cookie-jar'
import { browserFailure } from './browser-failure'
import type { BtReply, BtRequest, BtTransport } from './transport'

/** A page of the signed-in app: any same-origin document will do as the place the in-page fetch runs from. */
export const APP_PAGE = '/app/Landing'

/** What the in-page fetch hands back: `opaqueredirect` when the app answered 3xx (fetch with `redirect: 'manual'`). */
type InPage = { status: number; type: string; text: string }

/** Landed on a sign-in page, or off the app origin: Buildertrend ended the session (§16.4). */
export function isLoginPage(url: string, appUrl: string): boolean {
  const at = new URL(url)
  return at.origin !== new URL(appUrl).origin || /\/(login|signin)\b/i.test(at.pathname)
}

export function browserTransport(binding: BrowserWorker): BtTransport {
  let browser: Browser | null = null
  let page: Page | null = null
  let origin: string | null = null

  async function open(appUrl: string): Promise<Page> {
    if (page && origin === appUrl) return page
    try {
      browser ??= await puppeteer.launch(binding)
      const context = await browser.createBrowserContext()
      page = await context.newPage()
      // Headless Chromium says "HeadlessChrome" in its user agent; the app sees a Chrome tab's. Without the metadata
      // Chromium stops sending the `sec-ch-ua*` client hints once the user agent is overridden (observed: the stand-in
      // then answered `302 → /app/error`, as Buildertrend does).
      await page.setUserAgent(CHROME_USER_AGENT, CHROME_UA_METADATA)
      origin = appUrl
    } catch (err) {
      throw browserFailure(err)
    }
    return page
  }

  async function loadCookies(p: Page, appUrl: string, jar: CookieJar) {
    const held = await p.cookies(appUrl)
    const wanted = new Map(jar.entries())
    const stale = held.filter((c) => !wanted.has(c.name))
    if (stale.length) await p.deleteCookie(...stale.map((c) => ({ name: c.name, url: appUrl })))
    if (wanted.size) await p.setCookie(...[...wanted].map(([name, value]) => ({ name, value, url: appUrl })))
  }

  async function readCookies(p: Page, appUrl: string, jar: CookieJar) {
    const held = new Map((await p.cookies(appUrl)).map((c) => [c.name, c.value]))
    for (const [name] of jar.entries()) if (!held.has(name)) jar.set(name, '')
    for (const [name, value] of held) jar.set(name, value)
  }

  return {
    kind: 'browser',
    async send(appUrl: string, jar: CookieJar, { method, path, body, bearer }: BtRequest): Promise<BtReply> {
      const p = await open(appUrl)
      try {
        await loadCookies(p, appUrl, jar)
        if (!p.url().startsWith(appUrl)) {
          await p.goto(`${appUrl}${APP_PAGE}`, { waitUntil: 'domcontentloaded' })
          if (isLoginPage(p.url(), appUrl)) {
            await readCookies(p, appUrl, jar)
            // Back to a blank page, so the next call (after a fresh sign-in) opens the app page again.
            await p.goto('about:blank')
            return { status: 302, redirected: true, text: '' }
          }
        }
        const answer = await p.evaluate(
          async (call: { method: string; path: string; body: string | null; bearer: string | null }): Promise<InPage> => {
            const headers: Record<string, string> = { accept: 'application/json', portaltype: '1' }
            if (call.body !== null) headers['content-type'] = 'application/json'
            if (call.bearer) headers.authorization = `Bearer ${call.bearer}`
            // Runs in the page (a browser's fetch, typed here as the Worker's): same-origin, so the cookies go along.
            const res = await fetch(call.path, { method: call.method, headers, body: call.body, redirect: 'manual' })
            const type = String(res.type)
            return { status: res.status, type, text: type === 'opaqueredirect' ? '' : await res.text() }
          },
          { method, path, body: body === undefined ? null : JSON.stringify(body), bearer },
        )
        await readCookies(p, appUrl, jar)
        if (answer.type === 'opaqueredirect') return { status: 302, redirected: true, text: '' }
        return { status: answer.status, redirected: false, text: answer.text }
      } catch (err) {
        if (err instanceof VendorError) throw err
        // The page or the browser broke mid-call (killed after idling, network): Protiv's side, retried.
        throw browserFailure(err)
      }
    },
    async close() {
      const open = browser
      browser = null
      page = null
      origin = null
      await open?.close().catch(() => undefined)
    },
  }
}
