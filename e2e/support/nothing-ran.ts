/**
 * Proof that hostile vendor text stayed text: every payload the sandboxes plant sets `window.__xss` (or
 * `parent.__xss`) if it is ever interpreted, and would leave an element behind in our UI if parsed as HTML.
 * @module
 */
import type { BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { queryClosed } from './closed-roots'
import { BREAKDOWN_IFRAME, PANEL_IFRAME } from './panel'

/** Elements a parsed payload would create inside our UI. */
const PLANTED = ['img', 'svg', 'script', 'iframe', 'a[href^="javascript:"]']
/** The badges' closed shadow roots (looked into through CDP) and our frames (entered as frames, #15). */
const BADGE_HOST = 'protiv-propay-badge'
const FRAMES = [PANEL_IFRAME, BREAKDOWN_IFRAME]

const readFlag = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)

/** Nothing ran in the page or in our frames on it, and our UI there holds no element a payload would have made. */
export async function expectNothingRan(page: Page, what: string) {
  // onerror/onload handlers fire asynchronously: give them the time they would take.
  await page.waitForTimeout(300)
  expect(await readFlag(page), `window.__xss on ${what}`).toBeUndefined()
  for (const tag of PLANTED) expect(await queryClosed(page, BADGE_HOST, tag).then((found) => found.length), `${BADGE_HOST} ${tag} on ${what}`).toBe(0)
  for (const frame of FRAMES) {
    if (!(await page.locator(frame).count())) continue
    // A payload in the frame would set the frame's own window.__xss, or parent.__xss (checked above).
    expect(await page.frameLocator(frame).locator('html').evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `__xss in ${frame} on ${what}`).toBeUndefined()
    for (const tag of PLANTED) expect(await page.frameLocator(frame).locator(`#app ${tag}`).count(), `${frame} ${tag} on ${what}`).toBe(0)
  }
}

/** Nothing ran in the extension's own pages or its background service worker. */
export async function expectNothingRanInExtension(context: BrowserContext, extensionId: string) {
  for (const name of ['popup.html', 'options.html', 'panel.html', 'breakdown.html']) {
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
