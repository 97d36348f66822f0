import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO } from '../tools/dev/demo'
import { startExakTimeSandbox } from '../sandboxes/exaktime/serve'
import { e2eStack } from './support/e2e-stack'
import { inPanel, panel } from './support/panel'
import { apiToken } from './support/sign-in'
import { sandboxControl } from './support/vendor-fixtures'

const TIME_CARDS = 'https://acme.exaktime.com/app/timecards'
const API_KEY = 'e2e-exaktime-read-key'

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

describe('connecting ExakTime from the panel on acme.exaktime.com, in Chromium', () => {
  const stack = e2eStack({
    sandboxes: { exaktime: () => startExakTimeSandbox({ port: 0 }) },
    prepare: async ({ exaktime }) => {
      await sandboxControl(exaktime.url, '/tenants', { companyId: 'acme', size: 'small', apiKeys: [{ key: API_KEY, access: 'read' }], timeZone: 'America/Chicago' })
      // The company's time ends five days ago and the warehouse has not refreshed since (nor will it), so its newest
      // time is days old and the panel must say which day the data reaches. A reset regenerates history up to the
      // tenant clock's yesterday and refreshes.
      await sandboxControl(exaktime.url, '/tenants/acme', { autoRefresh: false }, 'PATCH')
      await sandboxControl(exaktime.url, '/tenants/acme/clock', { advanceHours: -120 })
      await sandboxControl(exaktime.url, '/tenants/acme/reset')
      await sandboxControl(exaktime.url, '/tenants/acme/clock', { advanceHours: 120 })
    },
    sites: ['exaktime'],
  })

  const fillForm = async (page: Page, apiKey: string) => {
    await inPanel(page, '#exaktime-api-key').fill(apiKey)
    await inPanel(page, '#exaktime-sync-start').fill(daysAgo(60))
    const advanced = inPanel(page, 'details.advanced')
    if ((await advanced.getAttribute('open')) === null) await advanced.locator('summary').click()
    // Where ExakTime's servers would be: the sandbox this test started.
    await inPanel(page, '#exaktime-api-address').fill(stack.exaktime.url)
  }

  it("should prefill the Company ID from the page's subdomain, and keep typing away from the page's shortcuts", async () => {
    const page = await stack.context.newPage()
    await page.goto(TIME_CARDS)
    const companyId = inPanel(page, '#exaktime-company-id')
    await companyId.waitFor()
    expect(await companyId.inputValue()).toBe('acme')
    expect(await inPanel(page, '[data-testid=panel-page]').textContent()).toBe('Time cards · company acme')
    expect(await inPanel(page, '#exaktime-finalized-only').isChecked()).toBe(true)
    expect(await inPanel(page, '#exaktime-approval-level').inputValue()).toBe('sign_off')

    expect(await inPanel(page, '#exaktime-username, #exaktime-password').count()).toBe(0)
    await inPanel(page, '#exaktime-api-key').pressSequentially('aaaa')
    expect(await page.evaluate(() => (window as unknown as { shortcutFired: number }).shortcutFired)).toBe(0)
    await page.locator('h1').click()
    await page.keyboard.press('a')
    expect(await page.evaluate(() => (window as unknown as { shortcutFired: number }).shortcutFired)).toBe(1)
    await page.close()
  })

  it("should show the backend's message, as given, for an API key Arcoro refuses", async () => {
    const page = await stack.context.newPage()
    await page.goto(TIME_CARDS)
    await fillForm(page, 'not-the-key')
    await inPanel(page, '[data-testid=exaktime-connect-submit]').click()
    const error = inPanel(page, '[data-testid=connect-error]')
    await error.waitFor({ timeout: 30_000 })

    const res = await fetch(`${stack.worker.url}/api/v1/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await apiToken(stack.worker.url, DEMO.email, DEMO.password)}` },
      body: JSON.stringify({
        vendor: 'exaktime',
        credentials: { companyId: 'acme', apiKey: 'not-the-key' },
        settings: { syncStartDate: daysAgo(60), baseUrl: stack.exaktime.url },
      }),
    })
    expect(res.status).toBe(422)
    const { error: expected } = (await res.json()) as { error: { message: string } }
    expect(await error.textContent()).toBe(expected.message)
    expect(await inPanel(page, '[data-testid=exaktime-connect]').count()).toBe(1)
    expect(expected.message).toMatch(/Arcoro refused the ExakTime API key/)
    await page.close()
  })

  it('should connect with the prefilled Company ID and follow the first sync to the end, with the time notice', async () => {
    const page = await stack.context.newPage()
    await page.goto(TIME_CARDS)
    await fillForm(page, API_KEY)
    expect(await inPanel(page, '#exaktime-company-id').inputValue()).toBe('acme')
    await inPanel(page, '[data-testid=exaktime-connect-submit]').click()
    await inPanel(page, '[data-testid=connect-success]').waitFor({ timeout: 30_000 })

    const status = inPanel(page, '[data-testid=sync-status]')
    const deadline = Date.now() + 100_000
    while ((await status.getAttribute('data-status')) !== 'ok') {
      expect(Date.now(), `first sync did not finish; status: ${await inPanel(page, '[data-testid=status-text]').textContent()}`).toBeLessThan(deadline)
      await page.waitForTimeout(250)
    }
    expect(await inPanel(page, '[data-testid=status-text]').textContent()).toBe('Up to date.')
    expect(await inPanel(page, '[data-testid=sync-status] h3').textContent()).toContain('ExakTime')

    // What the sandbox says is waiting is what the panel says is waiting.
    const summary = await sandboxControl(stack.exaktime.url, `/tenants/acme/time-summary?level=sign_off&from=${daysAgo(60)}`, undefined, 'GET')
    const waiting = Number(summary.waiting)
    expect(waiting).toBeGreaterThan(0)
    const noticeRow = inPanel(page, '[data-testid=sync-streams] .streams__notice')
    expect(await noticeRow.count()).toBe(1)
    expect(await noticeRow.isVisible()).toBe(true)
    const notice = (await noticeRow.textContent()) ?? ''
    expect(notice).toContain(`${waiting.toLocaleString('en-US')} ${waiting === 1 ? 'entry' : 'entries'} waiting for approval (sign-off or a closed pay period)`)
    expect(notice).toMatch(/the newest time in ExakTime's warehouse is from \d{4}-\d{2}-\d{2}; it refreshes nightly/)
    expect(await inPanel(page, '[data-testid=status-hint]').textContent()).toContain('refreshes nightly')
    await page.screenshot({ path: 'e2e/artifacts/exaktime-panel.png' })

    // Force refresh: accepted at once, then the one-minute cooldown counts down.
    await inPanel(page, '[data-testid=force-sync]').click()
    expect(await inPanel(page, '[data-testid=force-sync-notice]').textContent()).toMatch(/^(Sync started\.|A sync is already running)/)
    await inPanel(page, '[data-testid=force-sync-countdown]').waitFor()
    expect(await inPanel(page, '[data-testid=force-sync]').isDisabled()).toBe(true)
    await page.close()
  })

  it('should list the ExakTime connection in the popup', async () => {
    const page = await stack.context.newPage()
    await page.goto(`chrome-extension://${stack.extensionId}/popup.html`)
    const row = page.locator('[data-testid=popup-connection]')
    await row.waitFor()
    expect(await row.count()).toBe(1)
    expect(await row.textContent()).toContain('ExakTime')
    await page.close()
  })

  it('should reconnect with a new API key from the panel on acme.exaktime.com when Arcoro stops accepting the old one', async () => {
    const token = await apiToken(stack.worker.url, DEMO.email, DEMO.password)
    const api = async (path: string, init: { method?: string; json?: unknown } = {}) => {
      const res = await fetch(`${stack.worker.url}/api/v1${path}`, {
        method: init.method ?? 'GET',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
      })
      expect(res.ok, `${init.method ?? 'GET'} ${path} answered ${res.status}`).toBe(true)
      return (await res.json()) as { connections?: { id: string; vendor: string; status: string; accountLabel: string }[]; status?: string; accountLabel?: string }
    }
    const { connections = [] } = await api('/connections')
    const connection = connections.find((c) => c.vendor === 'exaktime')!
    expect(connection.accountLabel).toContain(API_KEY.slice(-4))

    // The admin revokes the key in Arcoro's Hub; the next sync (resuming runs one at once) is refused.
    await sandboxControl(stack.exaktime.url, `/tenants/acme/api-keys/${API_KEY}`, undefined, 'DELETE')
    await api(`/connections/${connection.id}`, { method: 'PATCH', json: { paused: true } })
    await api(`/connections/${connection.id}`, { method: 'PATCH', json: { paused: false } })
    const refusedBy = Date.now() + 60_000
    while ((await api(`/connections/${connection.id}`)).status !== 'relink_needed') {
      expect(Date.now(), 'the sync with a revoked key did not ask to reconnect').toBeLessThan(refusedBy)
      await new Promise((r) => setTimeout(r, 250))
    }

    const page = await stack.context.newPage()
    await page.goto(TIME_CARDS)
    const status = inPanel(page, '[data-testid=sync-status]')
    await status.waitFor()
    expect(await status.getAttribute('data-status')).toBe('relink_needed')
    await inPanel(page, '[data-testid=reconnect]').click()
    expect(await inPanel(page, '#exaktime-reconnect-company-id').inputValue()).toBe('acme')

    // A key that was never issued is refused and nothing changes; the new one from Hub is accepted.
    await inPanel(page, '#exaktime-reconnect-api-key').fill('e2e-never-issued-key')
    await inPanel(page, '[data-testid=exaktime-reconnect-submit]').click()
    await inPanel(page, '[data-testid=reconnect-error]').waitFor({ timeout: 30_000 })
    expect(await inPanel(page, '[data-testid=reconnect-error]').textContent()).toMatch(/Arcoro refused the ExakTime API key/)
    expect((await api(`/connections/${connection.id}`)).status).toBe('relink_needed')

    const fresh = 'e2e-exaktime-key-2027'
    await sandboxControl(stack.exaktime.url, '/tenants/acme/api-keys', { key: fresh, access: 'read' })
    await inPanel(page, '#exaktime-reconnect-api-key').fill(fresh)
    await inPanel(page, '[data-testid=exaktime-reconnect-submit]').click()
    const deadline = Date.now() + 100_000
    while ((await status.getAttribute('data-status')) !== 'ok') {
      expect(Date.now(), `the reconnected sync did not finish; status: ${await inPanel(page, '[data-testid=status-text]').textContent()}`).toBeLessThan(deadline)
      await page.waitForTimeout(250)
    }
    expect(await inPanel(page, '[data-testid=exaktime-reconnect]').count()).toBe(0)
    const after = await api(`/connections/${connection.id}`)
    expect(after.accountLabel).toContain(fresh.slice(-4))
    expect(after.accountLabel).not.toContain(API_KEY.slice(-4))
    await page.close()
  })
})
