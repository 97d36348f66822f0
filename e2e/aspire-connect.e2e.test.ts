import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO } from '../tools/dev/demo'
import { ASPIRE } from './support/aspire-fixtures'
import { startSandboxTenant } from './support/aspire-sandbox'
import { e2eStack } from './support/e2e-stack'
import { inPanel, PANEL_IFRAME, panel, panelWrapper } from './support/panel'
import { apiToken } from './support/sign-in'

const countdownSeconds = async (page: Page) => Number(await inPanel(page, '[data-testid=force-sync-countdown]').getAttribute('data-seconds'))

describe('connecting Aspire from the panel, in Chromium', () => {
  const stack = e2eStack({ sandboxes: { aspire: () => startSandboxTenant() }, sites: ['aspire'] })

  it('should offer an admin the connect form, and keep typing in it from firing the page\'s "t" shortcut', async () => {
    const page = await stack.context.newPage()
    await page.goto(ASPIRE.workTicket)
    const clientId = inPanel(page, '#aspire-client-id')
    await clientId.waitFor()
    expect(await inPanel(page, '[data-testid=aspire-credentials-pointer]').textContent()).toContain('Administration → Application → API')

    await clientId.pressSequentially('tttt')
    await inPanel(page, '#aspire-secret').pressSequentially('t-secret')
    expect(await clientId.inputValue()).toBe('tttt')
    expect(await page.evaluate(() => (window as unknown as { shortcutFired: number }).shortcutFired)).toBe(0)

    // The fixture's shortcut does fire for the page itself, so the zero above means something.
    await page.locator('h1').click()
    await page.keyboard.press('t')
    expect(await page.evaluate(() => (window as unknown as { shortcutFired: number }).shortcutFired)).toBe(1)
    await page.close()
  })

  it('should keep the panel frame mounted across in-app navigation: what was typed stays, the collapsed state too, only the screen line changes', async () => {
    const page = await stack.context.newPage()
    await page.goto(ASPIRE.workTicket)
    const clientId = inPanel(page, '#aspire-client-id')
    await clientId.fill('typed-before-navigating')
    const where = inPanel(page, '[data-testid=panel-page]')
    await expect.poll(() => where.textContent()).toBe('Work ticket 10452')
    // Marks this very iframe element: a remount would be a new one without the mark.
    await page.locator(PANEL_IFRAME).evaluate((iframe) => ((iframe as unknown as { mark: number }).mark = 1))

    await page.locator('#root dd a[href="/app/opportunities/details/2201"]').click()
    await expect.poll(() => where.textContent()).toBe('Job 2201 · Maple Court HOA - Spring Cleanup')
    expect(await clientId.inputValue()).toBe('typed-before-navigating')
    expect(await page.locator(PANEL_IFRAME).evaluate((iframe) => (iframe as unknown as { mark?: number }).mark)).toBe(1)

    // Collapsed here, still collapsed on the next screen, still the same frame.
    await inPanel(page, 'header button[aria-expanded=true]').click()
    await inPanel(page, 'header button[aria-expanded=false]').waitFor()
    await page.goBack()
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/app/work-tickets/10452')
    await page.waitForTimeout(800)
    expect(await inPanel(page, 'header button').getAttribute('aria-expanded')).toBe('false')
    expect(await page.locator(PANEL_IFRAME).count()).toBe(1)
    expect(await page.locator(PANEL_IFRAME).evaluate((iframe) => (iframe as unknown as { mark?: number }).mark)).toBe(1)
    // Expanded again (collapsing empties the panel's body, as it always has), it describes the screen it is on now.
    await inPanel(page, 'header button').click()
    await expect.poll(() => where.textContent()).toBe('Work ticket 10452')
    await page.close()
  })

  it("should show the backend's specific error, as given, for a secret Aspire refuses", async () => {
    const page = await stack.context.newPage()
    await page.goto(ASPIRE.workTicket)
    await inPanel(page, '#aspire-client-id').fill(stack.aspire.clientId)
    await inPanel(page, '#aspire-secret').fill('not-the-secret')
    const advanced = inPanel(page, 'details.advanced')
    if ((await advanced.getAttribute('open')) === null) await advanced.locator('summary').click()
    await inPanel(page, '#aspire-api-address').fill(stack.aspire.url)
    await inPanel(page, '[data-testid=aspire-connect-submit]').click()
    const error = inPanel(page, '[data-testid=connect-error]')
    await error.waitFor()

    const res = await fetch(`${stack.worker.url}/api/v1/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await apiToken(stack.worker.url, DEMO.email, DEMO.password)}` },
      body: JSON.stringify({ vendor: 'aspire', credentials: { clientId: stack.aspire.clientId, secret: 'not-the-secret' }, settings: { syncStartDate: '2026-01-01', baseUrl: stack.aspire.url } }),
    })
    expect(res.status).toBe(422)
    const { error: expected } = (await res.json()) as { error: { message: string } }
    expect(await error.textContent()).toBe(expected.message)
    expect(expected.message).toContain('Client ID and Secret')
    // Still on the form, nothing connected.
    expect(await inPanel(page, '[data-testid=aspire-connect]').count()).toBe(1)
    await page.close()
  })

  it('should connect with sandbox credentials on the API screen and follow the first sync to the end', async () => {
    const page = await stack.context.newPage()
    await page.goto(ASPIRE.apiAdmin)
    // On the API screen the panel sits inline, right above the list of API credentials.
    await page.locator('[data-protiv-frame=panel] + section.search-list').waitFor()
    expect(await inPanel(page, '[data-testid=aspire-credentials-pointer]').textContent()).toContain('On this screen, select New')
    await inPanel(page, '#aspire-client-id').fill(stack.aspire.clientId)
    await inPanel(page, '#aspire-secret').fill(stack.aspire.secret)
    // Remembered from the attempt before: the local sandbox, not Aspire's production API.
    expect(await inPanel(page, '#aspire-api-address').inputValue()).toBe(stack.aspire.url)
    await page.screenshot({ path: 'e2e/artifacts/aspire-connect-panel.png' })

    await inPanel(page, '[data-testid=aspire-connect-submit]').click()
    await inPanel(page, '[data-testid=connect-success]').waitFor()
    const status = inPanel(page, '[data-testid=sync-status]')

    const percentsSeen: number[] = []
    let progressShot = false
    const deadline = Date.now() + 100_000
    while ((await status.getAttribute('data-status')) !== 'ok') {
      expect(Date.now(), `first sync did not finish; status: ${await inPanel(page, '[data-testid=status-text]').textContent()}`).toBeLessThan(deadline)
      const percent = inPanel(page, '[data-testid=sync-percent]')
      if (await percent.count()) {
        const value = Number.parseInt((await percent.textContent()) ?? '', 10)
        if (!Number.isNaN(value)) percentsSeen.push(value)
        if (!progressShot && value > 0 && value < 100) {
          await page.screenshot({ path: 'e2e/artifacts/aspire-first-sync-progress.png' })
          progressShot = true
        }
      }
      await page.waitForTimeout(200)
    }
    expect(percentsSeen.length).toBeGreaterThan(0)
    expect(Math.min(...percentsSeen)).toBeLessThan(100)

    expect(await inPanel(page, '[data-testid=status-text]').textContent()).toBe('Up to date.')
    expect(await inPanel(page, '[data-testid=sync-progress]').count()).toBe(0)
    expect(await inPanel(page, '[data-testid=last-sync]').textContent()).toMatch(/^(just now|\d+ s ago)$/)
    expect(await inPanel(page, '[data-testid=next-sync]').textContent()).toMatch(/^in \d+ (min|h)$/)
    const streams = await inPanel(page, '[data-testid=sync-streams] li').allTextContents()
    expect(streams.some((row) => row.startsWith('Work tickets'))).toBe(true)
    expect(streams.some((row) => row.startsWith('Time entries'))).toBe(true)
    expect(streams.every((row) => row.includes('Up to date'))).toBe(true)
    await page.screenshot({ path: 'e2e/artifacts/aspire-sync-status.png' })
    await page.close()
    await stack.aspire.clearFaults()
  })

  it('should force a sync, then count the cooldown down; a stale panel gets the 429 countdown', async () => {
    // Opened first: its view of the connection predates the forced sync (it re-reads every 20 s when idle).
    const stale = await stack.context.newPage()
    await stale.goto(ASPIRE.workTicketList)
    await inPanel(stale, '[data-testid=sync-status][data-status=ok]').waitFor()

    const page = await stack.context.newPage()
    await page.goto(ASPIRE.workTicket)
    const force = inPanel(page, '[data-testid=force-sync]')
    await inPanel(page, '[data-testid=sync-status][data-status=ok]').waitFor()
    await force.click()
    expect(await inPanel(page, '[data-testid=force-sync-notice]').textContent()).toMatch(/^(Sync started\.|A sync is already running)/)
    // Due now (the lease is taken, the first step is queued) or already running.
    expect(await inPanel(page, '[data-testid=next-sync]').textContent()).toMatch(/^(any moment|running now)$/)
    await inPanel(page, '[data-testid=force-sync-countdown]').waitFor()
    expect(await force.isDisabled()).toBe(true)
    const first = await countdownSeconds(page)
    expect(first).toBeGreaterThan(50)
    expect(first).toBeLessThanOrEqual(60)
    await page.screenshot({ path: 'e2e/artifacts/aspire-force-sync-cooldown.png' })
    await expect.poll(() => countdownSeconds(page), { timeout: 5_000 }).toBeLessThan(first)
    expect(await inPanel(page, '[data-testid=force-sync-countdown]').textContent()).toMatch(/^Available again in \d+ s$/)

    const staleForce = inPanel(stale, '[data-testid=force-sync]')
    expect(await staleForce.isDisabled()).toBe(false)
    await staleForce.click()
    await inPanel(stale, '[data-testid=force-sync-countdown]').waitFor()
    expect(await countdownSeconds(stale)).toBeGreaterThan(40)
    expect(await staleForce.isDisabled()).toBe(true)
    await stale.close()

    // The forced run ends and the panel says so by itself.
    const next = inPanel(page, '[data-testid=next-sync]')
    await expect.poll(() => next.textContent(), { timeout: 60_000 }).toMatch(/^in \d+ (min|h)$/)
    expect(await inPanel(page, '[data-testid=sync-status]').getAttribute('data-status')).toBe('ok')
    await page.close()
  })

  it('should list the connection with its health in the popup', async () => {
    const page = await stack.context.newPage()
    await page.goto(`chrome-extension://${stack.extensionId}/popup.html`)
    const row = page.locator('[data-testid=popup-connection]')
    await row.waitFor()
    expect(await row.count()).toBe(1)
    expect(await row.getAttribute('data-status')).toBe('ok')
    expect(await row.locator('.dot').getAttribute('data-health')).toBe('good')
    // An admin also gets Pause/Resume on each connection.
    expect(await row.textContent()).toMatch(/^ Aspire · .+Up to date\. Last sync (just now|\d+ (s|min) ago)\.Pause syncing$/)
    expect(await row.locator('[data-testid=pause-resume]').textContent()).toBe('Pause syncing')
    await page.locator('main').screenshot({ path: 'e2e/artifacts/popup-connections.png' })
    await page.close()
  })

  it('should follow in-app navigation: one panel, always describing the screen on show', async () => {
    const page = await stack.context.newPage()
    await page.goto(ASPIRE.workTicket)
    const where = inPanel(page, '[data-testid=panel-page]')
    await expect.poll(() => where.textContent()).toBe('Work ticket 10452')
    // Marks this document: it must survive every navigation below (no full page loads).
    await page.evaluate(() => ((window as unknown as { spaMarker: number }).spaMarker = 1))

    await page.locator('#root dd a[href="/app/opportunities/details/2201"]').click()
    await expect.poll(() => where.textContent()).toBe('Job 2201 · Maple Court HOA - Spring Cleanup')
    expect(await page.locator(PANEL_IFRAME).count()).toBe(1)

    // The docked frame stays docked here too: mounted once, it is never moved (a moved iframe reloads).
    await page.locator('#root nav.app-nav a[href="/app/admin/api"]').click()
    await expect.poll(() => where.textContent()).toBe('Aspire API credentials')
    expect(await panelWrapper(page).getAttribute('data-layout')).toBe('dock')
    expect(await page.locator(PANEL_IFRAME).count()).toBe(1)

    await page.goBack()
    await expect.poll(() => where.textContent()).toBe('Job 2201 · Maple Court HOA - Spring Cleanup')
    expect(await page.locator(PANEL_IFRAME).count()).toBe(1)
    expect(await page.evaluate(() => (window as unknown as { spaMarker?: number }).spaMarker)).toBe(1)
    await page.close()
  })
})
