/**
 * The one place that decides how Buildertrend is reached. The browser when the Worker has a Browser Rendering binding
 * and the connection talks to the real buildertrend.net; the Worker's `fetch` otherwise. A connection pointed at a
 * local stand-in by `settings.baseUrl` stays on fetch: the stand-in needs no browser, and local `wrangler dev`
 * cannot start one offline (docs/design/browser-transport.md §5). `BT_TRANSPORT=browser` in the environment forces
 * the browser even for a stand-in (how the integration tests prove the browser path); `BT_TRANSPORT=fetch` turns the
 * browser off everywhere (a switch for an operator if Browser Rendering misbehaves). A settings field would let a
 * tenant choose; this is an operator's decision, so it is an environment variable.
 * @module
 */
import type { BrowserWorker } from '@cloudflare/puppeteer'
import type { VendorHttp } from '../../../sync/vendor-http'
import type { BuildertrendSettings } from '../settings'
import { browserTransport } from './browser-transport'
import { fetchTransport } from './fetch-transport'
import type { BtTransport } from './transport'

export type TransportChoice = 'browser' | 'fetch' | undefined

export function chooseTransport(settings: BuildertrendSettings, browser: BrowserWorker | undefined, forced: TransportChoice): 'browser' | 'fetch' {
  if (!browser || forced === 'fetch') return 'fetch'
  if (forced === 'browser') return 'browser'
  return settings.baseUrl ? 'fetch' : 'browser'
}

export function createTransport(http: VendorHttp, settings: BuildertrendSettings, browser: BrowserWorker | undefined, forced: TransportChoice): BtTransport {
  return chooseTransport(settings, browser, forced) === 'browser' && browser ? browserTransport(browser) : fetchTransport(http)
}
