import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ConnectionView } from '../shared/api/connections'
import type { JobView } from '../shared/api/jobs'
import type { ProPayDetail } from '../shared/api/propays'
import { startBuildertrendSandbox } from '../sandboxes/buildertrend/serve'
import { startExakTimeSandbox } from '../sandboxes/exaktime/serve'
import { ASPIRE, addWorkTicketRows, type WorkTicketRow } from './support/aspire-fixtures'
import { startSandboxTenant } from './support/aspire-sandbox'
import { closed } from './support/closed-roots'
import { e2eStack } from './support/e2e-stack'
import { expectNothingRan, expectNothingRanInExtension } from './support/nothing-ran'
import { breakdown, inPanel, panel } from './support/panel'
import { sandboxControl } from './support/vendor-fixtures'
import { waitUntil } from './support/wait-until'

/**
 * Every place vendor text reaches, fed from hostile sandbox tenants (markup, script, SQL, bidi overrides, emoji
 * and 10,000-character names; see each sandbox README's "Hostile tenants"): the text shows as text, exactly as the
 * API answers it, and nothing runs — not in the vendor's page, not in the extension's pages.
 */
const ERROR_PAYLOAD = '<img src=x onerror=window.__xss=1>'
/** Something from the sandboxes' hostile text (hostile-text.ts) is in it. */
const HOSTILE = /<img|<script|<svg|<iframe|<a href|DROP TABLE|\u202E|👷/u
const BT_USER = { username: 'owner@hostile-builder.test', password: 'bt-hostile-password' }
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

describe('hostile vendor data shows as text in every panel, and never runs, in Chromium', () => {
  const connections: Record<'aspire' | 'buildertrend' | 'exaktime', ConnectionView> = {} as never

  const view = (vendor: keyof typeof connections) => api<ConnectionView>(`/api/v1/connections/${connections[vendor].id}`)
  const connect = async (vendor: keyof typeof connections, credentials: Record<string, unknown>, settings: Record<string, unknown>) => {
    connections[vendor] = await api<ConnectionView>('/api/v1/connections', { method: 'POST', json: { vendor, credentials, settings } })
    connections[vendor] = await waitUntil(`the first ${vendor} sync`, async () => {
      const v = await view(vendor)
      return v.status === 'ok' && v.lastRunFinishedAt ? v : null
    })
  }
  const aspireRecords = <T,>(entity: string) =>
    sandboxControl(stack.aspire.url, `/tenants/${encodeURIComponent(stack.aspire.clientId)}/records/${entity}`, undefined, 'GET') as unknown as Promise<T[]>

  /** Each stream's notice and error, as the panel shows them, equal the API's words. */
  const expectStreamsAsApi = async (page: Page, connection: ConnectionView) => {
    const box = inPanel(page, 'details.streams-box')
    if ((await box.getAttribute('open')) === null) await box.locator('summary').click()
    for (const s of connection.streams) {
      const row = inPanel(page, `[data-testid=sync-streams] li[data-stream="${s.name}"]`)
      expect(await row.locator('.streams__notice').count(), s.name).toBe(s.notice ? 1 : 0)
      if (s.notice) expect(await row.locator('.streams__notice').textContent(), s.name).toBe(s.notice)
      if (s.lastError) expect(await row.locator('.streams__error').textContent(), s.name).toBe(s.lastError)
    }
  }

  const stack = e2eStack({
    sandboxes: {
      aspire: () => startSandboxTenant({ delayMs: 0, hostile: true }),
      buildertrend: () => startBuildertrendSandbox({ port: 0 }),
      exaktime: () => startExakTimeSandbox({ port: 0 }),
    },
    // Hostile tenants in every sandbox, each connected and synced once before the browser starts.
    prepare: async ({ aspire, buildertrend, exaktime }) => {
      await sandboxControl(buildertrend.url, '/tenants', { ...BT_USER, size: 'small', hostile: true })
      const exTenant = (await sandboxControl(exaktime.url, '/tenants', { companyId: 'acme', size: 'small', hostile: true })) as { apiKeys: Array<{ key: string; access: string }> }
      await api('/api/v1/bonus-settings', { method: 'PATCH', json: { launchDate: '2000-01-01' } })
      await connect('aspire', { clientId: aspire.clientId, secret: aspire.secret }, { syncStartDate: '2000-01-01', baseUrl: aspire.url })
      await connect('buildertrend', BT_USER, { syncStartDate: daysAgo(60), baseUrl: buildertrend.url })
      await connect('exaktime', { companyId: 'acme', apiKey: exTenant.apiKeys.find((k) => k.access === 'read')!.key }, { syncStartDate: daysAgo(60), baseUrl: exaktime.url, laborBudget: { basis: 'hours', hours: 40 } })
    },
    sites: ['aspire', 'buildertrend', 'exaktime'],
  })
  const { api } = stack

  it("should show an Aspire job's ProPay badge and breakdown with the job's and workers' names as text", async () => {
    const { jobs } = await api<{ jobs: JobView[] }>('/api/v1/jobs?vendor=aspire')
    let detail: ProPayDetail | undefined
    for (const job of jobs.filter((j) => !j.recurring && HOSTILE.test(j.name ?? ''))) {
      const active = job.propays.find((p) => p.status === 'active')
      if (!active) continue
      const candidate = await api<ProPayDetail>(`/api/v1/propays/${active.id}`)
      if (candidate.breakdown && candidate.breakdown.workers.some((w) => HOSTILE.test(candidate.workerNames[w.workerId] ?? ''))) {
        detail = candidate
        break
      }
    }
    if (!detail) throw new Error('the hostile tenant has no one-off job with an active ProPay worked by someone with a hostile name')

    const page = await stack.context.newPage()
    await page.goto(`https://cloud.youraspire.com/app/opportunities/details/${detail.job.externalId}`)
    await closed(page, 'h1 + protiv-propay-badge', `[data-testid=propay-badge][data-propay-id="${detail.id}"]`).click()
    const dialog = breakdown(page)
    await dialog.locator('[data-testid=bd-job-name]').waitFor()
    expect(await dialog.locator('[data-testid=bd-job-name]').textContent()).toBe(detail.job.name)
    for (const w of detail.breakdown!.workers) {
      const name = dialog.locator(`[data-testid=bd-workers] tr[data-worker-id="${w.workerId}"] .bd-worker-name`)
      expect(await name.textContent()).toBe(detail.workerNames[w.workerId] ?? `Worker ${w.workerId}`)
    }
    await page.screenshot({ path: 'e2e/artifacts/hostile-breakdown.png' })
    await expectNothingRan(page, 'the Aspire job page')
    await page.close()
  })

  it('should badge work ticket rows whose job names are markup without running any of it', async () => {
    const tickets = await aspireRecords<WorkTicketRow>('WorkTickets')
    const opportunities = await aspireRecords<{ OpportunityID: number; OpportunityName: string | null }>('Opportunities')
    const names = Object.fromEntries(opportunities.filter((o) => o.OpportunityName).map((o) => [o.OpportunityID, o.OpportunityName!]))
    const page = await stack.context.newPage()
    await page.goto(ASPIRE.workTicketList)
    await panel(page).waitFor()
    await addWorkTicketRows(page, tickets, names)
    await closed(page, 'tr[data-row-id] protiv-propay-badge', '[data-testid=propay-badge]').waitFor()
    // Every row got its badge host; the job links kept Aspire's (hostile) text.
    await expect.poll(() => page.locator('tr[data-row-id] protiv-propay-badge').count()).toBeGreaterThanOrEqual(tickets.length)
    await expectNothingRan(page, 'the Aspire work ticket list')
    await page.close()
  })

  it("should show Aspire's notices and its error text, markup included, as the API words them", async () => {
    const page = await stack.context.newPage()
    await page.goto(ASPIRE.job)
    await inPanel(page, '[data-testid=sync-status]').waitFor()
    const ok = await view('aspire')
    expect(ok.streams.some((s) => s.notice && /skipped/.test(s.notice))).toBe(true)
    await expectStreamsAsApi(page, ok)

    // Aspire refuses a request with markup in its message: the run ends partial and says what Aspire said.
    await sandboxControl(stack.aspire.url, `/tenants/${encodeURIComponent(stack.aspire.clientId)}/faults`, { kind: 'status', status: 400, message: ERROR_PAYLOAD, path: '/WorkTicketTimes', count: 1000 })
    await api(`/api/v1/connections/${ok.id}/sync`, { method: 'POST' })
    const partial = await waitUntil('a partial run', async () => {
      const v = await view('aspire')
      return v.status === 'partial' && v.lastRunFinishedAt !== ok.lastRunFinishedAt ? v : null
    })
    expect(partial.lastError!.message).toContain(ERROR_PAYLOAD)
    await page.reload()
    await inPanel(page, '[data-testid=sync-status][data-status=partial]').waitFor({ timeout: 30_000 })
    expect(await inPanel(page, '[data-testid=status-text]').textContent()).toBe(partial.statusText)
    expect(await inPanel(page, '.last-error__message').textContent()).toBe(partial.lastError!.message)
    await expectStreamsAsApi(page, partial)
    await page.screenshot({ path: 'e2e/artifacts/hostile-last-error.png' })
    await expectNothingRan(page, 'the Aspire panel with an error')
    await page.close()
  })

  it("should show Buildertrend's company name and the skipped records as text on buildertrend.net", async () => {
    const bt = await view('buildertrend')
    expect(bt.accountLabel).toMatch(HOSTILE)
    const page = await stack.context.newPage()
    await page.goto('https://buildertrend.net/app/TimeClock')
    await inPanel(page, '[data-testid=sync-status][data-status=ok]').waitFor()
    expect(await inPanel(page, '[data-testid=sync-status] h3').textContent()).toContain(bt.accountLabel)
    expect(bt.streams.some((s) => s.notice && /skipped/.test(s.notice))).toBe(true)
    await expectStreamsAsApi(page, bt)
    await expectNothingRan(page, 'buildertrend.net')
    await page.close()
  })

  it('should show ExakTime skipped records and time notices as text on {company}.exaktime.com', async () => {
    const ex = await view('exaktime')
    const page = await stack.context.newPage()
    await page.goto('https://acme.exaktime.com/app/timecards')
    await inPanel(page, '[data-testid=sync-status][data-status=ok]').waitFor()
    expect(ex.streams.some((s) => s.notice && /skipped/.test(s.notice))).toBe(true)
    await expectStreamsAsApi(page, ex)
    await expectNothingRan(page, 'acme.exaktime.com')
    await page.close()
  })

  it('should list all three connections in the popup in the API words, and nothing ran in the extension', async () => {
    const page = await stack.context.newPage()
    await page.goto(`chrome-extension://${stack.extensionId}/popup.html`)
    const rows = page.locator('[data-testid=popup-connection]')
    await expect.poll(() => rows.count()).toBe(3)
    const texts = await rows.allTextContents()
    for (const vendor of ['aspire', 'buildertrend', 'exaktime'] as const) {
      const v = await view(vendor)
      expect(texts.some((t) => t.includes(v.accountLabel) && t.includes(v.statusText)), `${vendor}: ${v.accountLabel} / ${v.statusText}`).toBe(true)
    }
    expect(texts.some((t) => t.includes(ERROR_PAYLOAD))).toBe(true)
    await page.close()
    await expectNothingRanInExtension(stack.context, stack.extensionId)
  })
})
