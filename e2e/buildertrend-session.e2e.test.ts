import { describe, expect, it } from 'vitest'
import { startBuildertrendSandbox } from '../sandboxes/buildertrend/serve'
import { e2eStack } from './support/e2e-stack'
import { inPanel } from './support/panel'
import { sandboxControl } from './support/vendor-fixtures'

const TIME_CLOCK = 'https://buildertrend.net/app/TimeClock'
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)
type Cookie = { name: string; value: string; domain: string; path: string; httpOnly: boolean; secure: boolean }

describe('connecting Buildertrend with the signed-in session on buildertrend.net, in Chromium', () => {
  let tenantId: string
  const stack = e2eStack({
    sandboxes: { buildertrend: () => startBuildertrendSandbox({ port: 0 }) },
    prepare: async ({ buildertrend }) => {
      const tenant = await sandboxControl(buildertrend.url, '/tenants', { builderName: 'Cedar Ridge Builders', size: 'small' })
      tenantId = String(tenant.id)
    },
    sites: ['buildertrend'],
  })

  /** What Chrome holds after the person signed in at Buildertrend's login page (the stand-in issues it). */
  const signInAtBuildertrend = async () => {
    const { cookies } = (await sandboxControl(stack.buildertrend.url, `/tenants/${tenantId}/browser-sessions`)) as { cookies: Cookie[] }
    await stack.context.addCookies(cookies.map((c) => ({ ...c, sameSite: 'Lax' as const })))
    return cookies
  }
  const buildertrendConnection = async () => {
    const res = await fetch(`${stack.worker.url}/api/v1/connections`, { headers: { authorization: `Bearer ${await stack.adminToken()}` } })
    const { connections } = (await res.json()) as { connections: Array<{ id: string; vendor: string; status: string; lastError: { code: string } | null }> }
    return connections.find((c) => c.vendor === 'buildertrend')
  }
  const waitForStatus = async (status: string, deadlineMs = 100_000) => {
    const deadline = Date.now() + deadlineMs
    for (;;) {
      const c = await buildertrendConnection()
      if (c?.status === status) return c
      expect(Date.now(), `connection is ${c?.status}, waiting for ${status}`).toBeLessThan(deadline)
      await new Promise((r) => setTimeout(r, 250))
    }
  }

  it('should say to sign in first while the browser holds no Buildertrend session', async () => {
    const page = await stack.context.newPage()
    await page.goto(TIME_CLOCK)
    await inPanel(page, '[data-testid=buildertrend-session-submit]').click()
    const error = inPanel(page, '[data-testid=session-connect-error]')
    await error.waitFor()
    expect(await error.textContent()).toContain('Sign in to Buildertrend in this tab first')
    await page.close()
  })

  it('should connect with one click, sync, go relink_needed when the session ends, and reconnect by itself on a fresh sign-in', async () => {
    const cookies = await signInAtBuildertrend()
    const page = await stack.context.newPage()
    await page.goto(TIME_CLOCK)
    // The first choice; the password form is the second.
    expect(await inPanel(page, '[data-testid=buildertrend-session-submit]').textContent()).toBe('Connect with this signed-in account')
    expect(await inPanel(page, '[data-testid=buildertrend-password-choice] > summary').textContent()).toBe('Sign in with username and password')
    await inPanel(page, '#bt-session-sync-start').fill(daysAgo(60))
    await inPanel(page, '[data-testid=buildertrend-session-connect] details.advanced > summary').click()
    await inPanel(page, '#bt-session-api-address').fill(stack.buildertrend.url)
    await inPanel(page, '[data-testid=buildertrend-session-submit]').click()
    await inPanel(page, '[data-testid=connect-success]').waitFor({ timeout: 40_000 })
    const connected = await waitForStatus('ok')

    // The page's own scripts never see the session: not in the DOM, not in document.cookie (HttpOnly).
    const seen = await page.evaluate(() => document.documentElement.outerHTML + document.cookie + JSON.stringify(localStorage))
    for (const c of cookies) expect(seen).not.toContain(c.value)
    await page.close()

    await sandboxControl(stack.buildertrend.url, `/tenants/${tenantId}/expire-sessions`, { mode: 'redirect' })
    const forced = await fetch(`${stack.worker.url}/api/v1/connections/${connected.id}/sync`, { method: 'POST', headers: { authorization: `Bearer ${await stack.adminToken()}` } })
    expect(forced.status).toBe(202)
    const ended = await waitForStatus('relink_needed')
    expect(ended.lastError?.code).toBe('session_expired')

    await signInAtBuildertrend()
    const again = await stack.context.newPage()
    await again.goto(TIME_CLOCK)
    const said = inPanel(again, '[data-testid=session-refresh-result]')
    await said.waitFor({ timeout: 40_000 })
    expect(await said.textContent()).toBe('Reconnected with this signed-in account.')
    await waitForStatus('ok')
    await again.close()
  })
})
