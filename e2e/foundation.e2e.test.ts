import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkerProcess } from '../tools/dev/local-stack'
import { DEMO } from '../tools/dev/demo'
import { launchWithExtension, serveFixture } from './support/browser'
import { inPanel, panel as panelOf } from './support/panel'
import { startE2eStack } from './support/stack'

describe('extension against a live worker, in Chromium', () => {
  let worker: WorkerProcess
  let context: BrowserContext
  let extensionId: string

  beforeAll(async () => {
    worker = await startE2eStack()
    ;({ context, extensionId } = await launchWithExtension())
    await serveFixture(context, 'https://cloud.youraspire.com/**', 'aspire/work-ticket.html')
  })

  afterAll(async () => {
    await context?.close()
    await worker?.stop()
  })

  it('should refuse a wrong password on the options page with a clear message', async () => {
    const page = await context.newPage()
    await page.goto(`chrome-extension://${extensionId}/options.html`)
    await page.fill('#api', worker.url)
    await page.fill('#email', DEMO.email)
    await page.fill('#password', 'not-the-password')
    await page.click('button[type=submit]')
    await expect.poll(() => page.locator('[role=alert]').textContent()).toBe('The email or password is incorrect.')
    await page.close()
  })

  it('should sign in through the options page', async () => {
    const page = await context.newPage()
    await page.goto(`chrome-extension://${extensionId}/options.html`)
    await page.fill('#api', worker.url)
    await page.fill('#email', DEMO.email)
    await page.fill('#password', DEMO.password)
    await page.click('button[type=submit]')
    const signedIn = page.locator('[data-testid=signed-in]')
    await signedIn.waitFor()
    expect(await signedIn.textContent()).toContain(`Signed in as ${DEMO.adminName} (${DEMO.email})`)
    expect(await signedIn.textContent()).toContain(DEMO.orgName)
    await page.close()
    // The token is kept where content scripts cannot read it (storage.session), and nowhere they can (#15).
    const background = context.serviceWorkers()[0]!
    type Area = { get: (keys: null) => Promise<Record<string, unknown>> }
    const stored = await background.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync' | 'session', Area> } }).chrome
      return { local: await storage.local.get(null), sync: await storage.sync.get(null), session: await storage.session.get(null) }
    })
    const token = (stored.session.session as { token?: unknown } | undefined)?.token
    expect(typeof token).toBe('string')
    expect(JSON.stringify([stored.local, stored.sync])).not.toContain(token as string)
    expect(stored.session.apiBaseUrl).toBe(worker.url)
  })

  it('should show who is signed in and the backend health in the popup', async () => {
    const page = await context.newPage()
    await page.goto(`chrome-extension://${extensionId}/popup.html`)
    await expect.poll(() => page.locator('[data-testid=popup-user]').textContent()).toBe(`${DEMO.adminName} · ${DEMO.orgName}`)
    await expect.poll(() => page.locator('[data-testid=backend-status]').getAttribute('data-state')).toBe('up')
    await page.close()
  })

  it('should mount the panel frame on an Aspire page with the live backend status, isolated from page styles', async () => {
    const page = await context.newPage()
    await page.goto('https://cloud.youraspire.com/app/work-tickets/10452')
    const panel = panelOf(page)
    await panel.waitFor()
    const status = panel.locator('[data-testid=backend-status]')
    await expect.poll(() => status.getAttribute('data-state')).toBe('up')
    const health = (await (await fetch(`${worker.url}/health`)).json()) as { version: string }
    expect(await status.textContent()).toContain(`Backend online · v${health.version}`)
    expect(await panel.locator('[data-testid=panel-user]').textContent()).toBe(`Signed in as ${DEMO.adminName} (${DEMO.orgName})`)
    // The page forces red serif text on everything; its styles cannot reach into the panel's frame.
    const color = await panel.evaluate((el) => getComputedStyle(el).color)
    expect(color).not.toBe('rgb(255, 0, 0)')
    await page.screenshot({ path: 'e2e/artifacts/aspire-panel.png' })
    await page.close()
  })

  it('should show the backend as unreachable when the worker is down', async () => {
    await worker.stop()
    const page = await context.newPage()
    await page.goto('https://cloud.youraspire.com/app/work-tickets/10452')
    const status = inPanel(page, '[data-testid=backend-status]')
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('down')
    expect(await status.textContent()).toContain('Cannot reach the Protiv backend')
    await page.close()
  })
})
