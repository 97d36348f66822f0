/**
 * Proof that hostile vendor text stayed text: every payload the sandboxes plant sets `window.__xss` (or
 * `parent.__xss`) if it is ever interpreted, and would leave an element behind in our UI if parsed as HTML.
 * @module
 */
import type { BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'

/** Elements a parsed payload would create inside our shadow roots (Playwright's CSS pierces open ones). */
const PLANTED = ['img', 'svg', 'script', 'iframe', 'a[href^="javascript:"]']
const OUR_HOSTS = ['protiv-panel', 'protiv-propay-badge']

const readFlag = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)

/** Nothing ran in the page, and our UI on it holds no element a payload would have made. */
export async function expectNothingRan(page: Page, what: string) {
  // onerror/onload handlers fire asynchronously: give them the time they would take.
  await page.waitForTimeout(300)
  expect(await readFlag(page), `window.__xss on ${what}`).toBeUndefined()
  for (const host of OUR_HOSTS) {
    for (const tag of PLANTED) expect(await page.locator(`${host} ${tag}`).count(), `${host} ${tag} on ${what}`).toBe(0)
  }
}

/** Nothing ran in the extension's own pages or its background service worker. */
export async function expectNothingRanInExtension(context: BrowserContext, extensionId: string) {
  for (const name of ['popup.html', 'options.html']) {
    const page = await context.newPage()
    await page.goto(`chrome-extension://${extensionId}/${name}`)
    await page.waitForTimeout(500)
    expect(await readFlag(page), `window.__xss on ${name}`).toBeUndefined()
    expect(await page.locator(PLANTED.map((tag) => `#app ${tag}`).join(', ')).count(), `planted elements on ${name}`).toBe(0)
    await page.close()
  }
  for (const worker of context.serviceWorkers()) {
    expect(await worker.evaluate(() => (self as unknown as { __xss?: unknown }).__xss), 'self.__xss in the background').toBeUndefined()
  }
}
