import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO } from '../tools/dev/demo'
import { startBuildertrendSandbox } from '../sandboxes/buildertrend/serve'
import { e2eStack } from './support/e2e-stack'
import { inPanel, panel } from './support/panel'
import { apiToken } from './support/sign-in'
import { sandboxControl } from './support/vendor-fixtures'

const TIME_CLOCK = 'https://buildertrend.net/app/TimeClock'
const USER = { username: 'owner@cedar-ridge.test', password: 'bt-e2e-password' }

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

describe('connecting Buildertrend from the panel on buildertrend.net, in Chromium', () => {
  let tenantId: string
  const stack = e2eStack({
    sandboxes: { buildertrend: () => startBuildertrendSandbox({ port: 0 }) },
    prepare: async ({ buildertrend }) => {
      // Signing in takes a while at Buildertrend too: long enough to see the panel's wait.
      const tenant = await sandboxControl(buildertrend.url, '/tenants', { ...USER, builderName: 'Cedar Ridge Builders', size: 'small', loginDelayMs: 1500 })
      tenantId = String(tenant.id)
    },
    sites: ['buildertrend'],
  })

  /** On buildertrend.net the signed-in session comes first; the password form is the second choice. */
  const openPasswordChoice = async (page: Page) => {
    const choice = inPanel(page, '[data-testid=buildertrend-password-choice]')
    await choice.waitFor()
    if ((await choice.getAttribute('open')) === null) await choice.locator('> summary').click()
  }

  const fillForm = async (page: Page, username: string, password: string) => {
    await openPasswordChoice(page)
    await inPanel(page, '#bt-username').fill(username)
    await inPanel(page, '#bt-password').fill(password)
    await inPanel(page, '#bt-sync-start').fill(daysAgo(60))
    const advanced = inPanel(page, '[data-testid=buildertrend-connect] details.advanced')
    if ((await advanced.getAttribute('open')) === null) await advanced.locator('summary').click()
    // Where buildertrend.net's servers would be: the sandbox this test started.
    await inPanel(page, '#bt-api-address').fill(stack.buildertrend.url)
  }

  it("should offer the connect form on the Time Clock screen, and keep typing away from the page's shortcuts", async () => {
    const page = await stack.context.newPage()
    await page.goto(TIME_CLOCK)
    await openPasswordChoice(page)
    const username = inPanel(page, '#bt-username')
    await username.waitFor()
    expect(await inPanel(page, '[data-testid=panel-page]').textContent()).toBe('Time clock')
    expect(await inPanel(page, '[data-testid=bt-spaces-hint]').textContent()).toContain('most common reason connecting fails')
    await username.pressSequentially('nnnn')
    expect(await page.evaluate(() => (window as unknown as { shortcutFired: number }).shortcutFired)).toBe(0)
    await page.locator('h1').click()
    await page.keyboard.press('n')
    expect(await page.evaluate(() => (window as unknown as { shortcutFired: number }).shortcutFired)).toBe(1)
    await page.close()
  })

  it("should show Buildertrend's captcha wall in the backend's words: sign in yourself once, then retry", async () => {
    await sandboxControl(stack.buildertrend.url, `/tenants/${tenantId}`, { loginOutcome: 'captcha' }, 'PATCH')
    const page = await stack.context.newPage()
    await page.goto(TIME_CLOCK)
    await fillForm(page, USER.username, USER.password)
    await inPanel(page, '[data-testid=buildertrend-connect-submit]').click()
    const error = inPanel(page, '[data-testid=connect-error]')
    await error.waitFor({ timeout: 40_000 })

    const res = await fetch(`${stack.worker.url}/api/v1/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await apiToken(stack.worker.url, DEMO.email, DEMO.password)}` },
      body: JSON.stringify({ vendor: 'buildertrend', credentials: USER, settings: { syncStartDate: daysAgo(60), baseUrl: stack.buildertrend.url } }),
    })
    expect(res.status).toBe(422)
    const { error: expected } = (await res.json()) as { error: { message: string } }
    // Back to a normal sign-in before any assertion, so a failure here cannot fail the next test too.
    await sandboxControl(stack.buildertrend.url, `/tenants/${tenantId}`, { loginOutcome: 'success' }, 'PATCH')
    expect(await error.textContent()).toBe(expected.message)
    expect(expected.message).toContain('Sign in to Buildertrend in Chrome')
    expect(await inPanel(page, '[data-testid=buildertrend-connect]').count()).toBe(1)
    await page.close()
  })

  it('should connect with a pasted username (stray spaces and all), show the sign-in wait, and follow the first sync to the end', async () => {
    const page = await stack.context.newPage()
    await page.goto('https://buildertrend.net/app/JobPage/4102')
    await openPasswordChoice(page)
    await inPanel(page, '#bt-username').waitFor()
    expect(await inPanel(page, '[data-testid=panel-page]').textContent()).toBe('Job 4102 · Cedar Ridge Remodel')
    await fillForm(page, `  ${USER.username} `, `${USER.password} `)
    await inPanel(page, '[data-testid=buildertrend-connect-submit]').click()
    const waiting = inPanel(page, '[data-testid=bt-signing-in]')
    await waiting.waitFor()
    expect(await waiting.textContent()).toContain('15–30 seconds')
    expect(await inPanel(page, '[data-testid=bt-signing-in] .spinner').isVisible()).toBe(true)
    await inPanel(page, '[data-testid=connect-success]').waitFor({ timeout: 40_000 })

    const status = inPanel(page, '[data-testid=sync-status]')
    const deadline = Date.now() + 100_000
    while ((await status.getAttribute('data-status')) !== 'ok') {
      expect(Date.now(), `first sync did not finish; status: ${await inPanel(page, '[data-testid=status-text]').textContent()}`).toBeLessThan(deadline)
      await page.waitForTimeout(250)
    }
    expect(await inPanel(page, '[data-testid=status-text]').textContent()).toBe('Up to date.')
    expect(await inPanel(page, '[data-testid=sync-status] h3').textContent()).toContain('Buildertrend')
    await inPanel(page, 'details.streams-box summary').click()
    const streams = await inPanel(page, '[data-testid=sync-streams] li').allTextContents()
    expect(streams.length).toBeGreaterThan(0)
    expect(streams.every((row) => row.includes('Up to date'))).toBe(true)
    // The sandbox's time clock rows arrived: the time stream added some.
    const timeRow = inPanel(page, '[data-testid=sync-streams] li[data-stream=TimeClock] .streams__counts')
    expect(Number.parseInt((await timeRow.textContent()) ?? '', 10)).toBeGreaterThan(0)
    await page.screenshot({ path: 'e2e/artifacts/buildertrend-panel.png' })

    await inPanel(page, '[data-testid=force-sync]').click()
    expect(await inPanel(page, '[data-testid=force-sync-notice]').textContent()).toMatch(/^(Sync started\.|A sync is already running)/)
    await inPanel(page, '[data-testid=force-sync-countdown]').waitFor()
    await page.close()
  })
})
