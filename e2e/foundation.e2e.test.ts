import { describe, expect, it } from 'vitest'
import { DEMO } from '../tools/dev/demo'
import { e2eStack } from './support/e2e-stack'
import { inPanel, panel as panelOf } from './support/panel'

describe('extension against a live worker, in Chromium', () => {
  // Signed out: the tests sign in themselves.
  const stack = e2eStack({ sites: ['aspire'], signIn: false })

  it('should refuse a wrong password on the options page with a clear message', async () => {
    const page = await stack.context.newPage()
    await page.goto(`chrome-extension://${stack.extensionId}/options.html`)
    await page.fill('#api', stack.worker.url)
    await page.fill('#email', DEMO.email)
    await page.fill('#password', 'not-the-password')
    await page.click('button[type=submit]')
    await expect.poll(() => page.locator('[role=alert]').textContent()).toBe('The email or password is incorrect.')
    await page.close()
  })

  it('should sign in through the options page', async () => {
    const page = await stack.context.newPage()
    await page.goto(`chrome-extension://${stack.extensionId}/options.html`)
    await page.fill('#api', stack.worker.url)
    await page.fill('#email', DEMO.email)
    await page.fill('#password', DEMO.password)
    await page.click('button[type=submit]')
    const signedIn = page.locator('[data-testid=signed-in]')
    await signedIn.waitFor()
    expect(await signedIn.textContent()).toContain(`Signed in as ${DEMO.adminName} (${DEMO.email})`)
    expect(await signedIn.textContent()).toContain(DEMO.orgName)
    await page.close()
    // The token is kept where content scripts cannot read it (storage.session), and nowhere they can (#15).
    const background = stack.context.serviceWorkers()[0]!
    type Area = { get: (keys: null) => Promise<Record<string, unknown>> }
    const stored = await background.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync' | 'session', Area> } }).chrome
      return { local: await storage.local.get(null), sync: await storage.sync.get(null), session: await storage.session.get(null) }
    })
    const token = (stored.session.session as { token?: unknown } | undefined)?.token
    expect(typeof token).toBe('string')
    expect(JSON.stringify([stored.local, stored.sync])).not.toContain(token as string)
    expect(stored.session.apiBaseUrl).toBe(stack.worker.url)
  })

  it('should show who is signed in and the backend health in the popup', async () => {
    const page = await stack.context.newPage()
    await page.goto(`chrome-extension://${stack.extensionId}/popup.html`)
    await expect.poll(() => page.locator('[data-testid=popup-user]').textContent()).toBe(`${DEMO.adminName} · ${DEMO.orgName}`)
    await expect.poll(() => page.locator('[data-testid=backend-status]').getAttribute('data-state')).toBe('up')
    await page.close()
  })

  it('should mount the panel frame on an Aspire page with the live backend status, isolated from page styles', async () => {
    const page = await stack.context.newPage()
    await page.goto('https://cloud.youraspire.com/app/work-tickets/10452')
    const panel = panelOf(page)
    await panel.waitFor()
    const status = panel.locator('[data-testid=backend-status]')
    await expect.poll(() => status.getAttribute('data-state')).toBe('up')
    const health = (await (await fetch(`${stack.worker.url}/health`)).json()) as { version: string }
    expect(await status.textContent()).toContain(`Backend online · v${health.version}`)
    expect(await panel.locator('[data-testid=panel-user]').textContent()).toBe(`Signed in as ${DEMO.adminName} (${DEMO.orgName})`)
    // The page forces red serif text on everything; its styles cannot reach into the panel's frame.
    const color = await panel.evaluate((el) => getComputedStyle(el).color)
    expect(color).not.toBe('rgb(255, 0, 0)')
    await page.screenshot({ path: 'e2e/artifacts/aspire-panel.png' })
    await page.close()
  })

  it('should show the backend as unreachable when the worker is down', async () => {
    await stack.worker.stop()
    const page = await stack.context.newPage()
    await page.goto('https://cloud.youraspire.com/app/work-tickets/10452')
    const status = inPanel(page, '[data-testid=backend-status]')
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('down')
    expect(await status.textContent()).toContain('Cannot reach the Protiv backend')
    await page.close()
  })
})
