/**
 * Where the extension's UI is on a vendor page since #15: the panel in an extension-origin iframe (Playwright enters
 * it as a frame; page scripts cannot), a badge's breakdown in another.
 * @module
 */
import type { Page } from 'playwright-core'

export const PANEL_IFRAME = 'iframe[data-protiv-frame=panel]'
export const BREAKDOWN_IFRAME = 'iframe[data-protiv-frame=breakdown]'

export const panelFrame = (page: Page) => page.frameLocator(PANEL_IFRAME)
/** The panel itself, inside its frame. */
export const panel = (page: Page) => panelFrame(page).locator('[data-testid=protiv-panel]')
export const inPanel = (page: Page, selector: string) => panel(page).locator(selector)
/** The breakdown dialog, inside its frame. */
export const breakdown = (page: Page) => page.frameLocator(BREAKDOWN_IFRAME).locator('[data-testid=propay-breakdown]')
/** The element that holds the panel frame in the page's DOM (what the page itself can see of it). */
export const panelWrapper = (page: Page) => page.locator('[data-protiv-frame=panel]:not(iframe)')
