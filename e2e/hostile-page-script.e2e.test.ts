/**
 * #15: a script on the vendor's page (its own code, analytics, session replay, an XSS) tries to read what the person
 * types into the Protiv panel, and the wages and bonus shares of a ProPay breakdown, and fails. The recorder
 * (support/page-recorder.ts) runs in each page's main world before anything else; the test types a Buildertrend
 * password, an ExakTime API key and an Aspire secret into the panel frame, opens a breakdown, and searches everything
 * the recorder gathered.
 * @module
 */
import { describe, expect, it } from 'vitest'
import type { ConnectionView } from '../shared/api/connections'
import type { JobView } from '../shared/api/jobs'
import type { ProPayDetail } from '../shared/api/propays'
import { startSandboxTenant } from './support/aspire-sandbox'
import { closed } from './support/closed-roots'
import { e2eStack } from './support/e2e-stack'
import { breakdown, inPanel } from './support/panel'
import { installRecorder, type Recording, readRecording } from './support/page-recorder'

/** Secrets of characters no fixture page holds, so finding any of them anywhere means it leaked. */
const SECRETS = { buildertrend: 'Qz7#vB!kW2', exaktime: 'xk_Jy8Uq4Rm', aspire: 'Asp-9Zt$Lw3' }

/** Everything the recorder gathered, as one text to search. */
const everything = (r: Recording) => JSON.stringify(r)

/**
 * Frame documents the page could read. Before its first navigation commits, an iframe holds the empty about:blank
 * document, which is same-origin with the page; that one is no leak (nothing of ours is in it) and is left out.
 */
const readDocuments = (r: Recording) => r.frames.filter((f) => f !== 'threw' && f !== 'read:<html><head></head><body></body></html>')

/** The recorder saw none of `secret`: no key event at all, the secret nowhere, no root, no frame document. */
function expectBlind(r: Recording, secret: string, what: string) {
  // Not one key or input event reached the page while the test typed into the frame.
  expect(r.events, `key and input events the page saw on ${what}`).toEqual([])
  expect(everything(r), `the recording on ${what}`).not.toContain(secret)
  for (const c of new Set(secret)) expect(r.events.join(''), `"${c}" on ${what}`).not.toContain(c)
  // Our shadow roots are closed, and made in the content script's world, which the page's patched attachShadow never sees.
  expect(r.shadowRoots.filter((s) => s.includes('protiv') || s.includes('propay')), `shadow roots read on ${what}`).toEqual([])
  expect(r.patchedRoots.filter((tag) => tag.startsWith('PROTIV')), `roots forced open on ${what}`).toEqual([])
  // It tried: once our frame had loaded, every try to read its document threw.
  expect(r.frames, `iframe reads tried on ${what}`).toContain('threw')
  expect(readDocuments(r), `iframe documents read on ${what}`).toEqual([])
}

describe('a hostile vendor-page script reads nothing of what Protiv shows or is typed into it (#15), in Chromium', () => {
  const stack = e2eStack({ sandboxes: { aspire: () => startSandboxTenant({ delayMs: 0 }) }, sites: ['aspire', 'buildertrend', 'exaktime'] })
  const { api } = stack
  const newRecordedPage = async () => {
    const page = await stack.context.newPage()
    await page.addInitScript(installRecorder)
    return page
  }

  it('should keep a Buildertrend password typed into the panel from the page', async () => {
    const page = await newRecordedPage()
    await page.goto('https://buildertrend.net/app/TimeClock')
    const choice = inPanel(page, '[data-testid=buildertrend-password-choice]')
    await choice.waitFor()
    if ((await choice.getAttribute('open')) === null) await choice.locator('> summary').click()
    await inPanel(page, '#bt-username').pressSequentially('owner@cedar-ridge.test')
    await inPanel(page, '#bt-password').pressSequentially(SECRETS.buildertrend)
    expect(await inPanel(page, '#bt-password').inputValue()).toBe(SECRETS.buildertrend)
    await page.waitForTimeout(400)
    const r = await readRecording(page)
    expectBlind(r, SECRETS.buildertrend, 'buildertrend.net')
    expect(everything(r)).not.toContain('owner@cedar-ridge.test')
    await page.close()
  })

  it('should keep an ExakTime API key typed into the panel from the page', async () => {
    const page = await newRecordedPage()
    await page.goto('https://acme.exaktime.com/app/timecards')
    await inPanel(page, '#exaktime-api-key').pressSequentially(SECRETS.exaktime)
    expect(await inPanel(page, '#exaktime-api-key').inputValue()).toBe(SECRETS.exaktime)
    await page.waitForTimeout(400)
    expectBlind(await readRecording(page), SECRETS.exaktime, 'acme.exaktime.com')
    await page.close()
  })

  it('should keep an Aspire secret typed into the panel from the page', async () => {
    const page = await newRecordedPage()
    await page.goto('https://cloud.youraspire.com/app/work-tickets/10452')
    await inPanel(page, '#aspire-secret').pressSequentially(SECRETS.aspire)
    expect(await inPanel(page, '#aspire-secret').inputValue()).toBe(SECRETS.aspire)
    await page.waitForTimeout(400)
    expectBlind(await readRecording(page), SECRETS.aspire, 'cloud.youraspire.com')
    await page.close()
  })

  it("should keep a ProPay breakdown's wages and bonus shares from the page", async () => {
    const connection = await api<ConnectionView>('/api/v1/connections', {
      method: 'POST',
      json: { vendor: 'aspire', credentials: { clientId: stack.aspire.clientId, secret: stack.aspire.secret }, settings: { syncStartDate: '2026-01-01', baseUrl: stack.aspire.url } },
    })
    await api('/api/v1/bonus-settings', { method: 'PATCH', json: { launchDate: '2000-01-01' } })
    const deadline = Date.now() + 120_000
    while ((await api<ConnectionView>(`/api/v1/connections/${connection.id}`)).lastRunFinishedAt === null) {
      expect(Date.now(), 'the first sync did not finish').toBeLessThan(deadline)
      await new Promise((r) => setTimeout(r, 500))
    }
    // The launch date came after the first sync started: one more sync makes every ProPay that qualifies.
    await api(`/api/v1/connections/${connection.id}/sync`, { method: 'POST' }).catch(() => undefined)
    let detail: ProPayDetail | undefined
    while (!detail) {
      expect(Date.now(), 'no job with an active ProPay and a worker breakdown').toBeLessThan(deadline + 60_000)
      const { jobs } = await api<{ jobs: JobView[] }>('/api/v1/jobs?vendor=aspire')
      for (const job of jobs.filter((j) => !j.recurring)) {
        const active = job.propays.find((p) => p.status === 'active')
        const candidate = active && (await api<ProPayDetail>(`/api/v1/propays/${active.id}`))
        if (candidate && candidate.breakdown && candidate.breakdown.workers.some((w) => w.wageCentsPerHour !== null && w.totalCents > 0)) detail = candidate
        if (detail) break
      }
      if (!detail) await new Promise((r) => setTimeout(r, 1000))
    }

    const page = await newRecordedPage()
    await page.goto(`https://cloud.youraspire.com/app/opportunities/details/${detail.job.externalId}`)
    await closed(page, 'h1 + protiv-propay-badge', `[data-testid=propay-badge][data-propay-id="${detail.id}"]`).click()
    const dialog = breakdown(page)
    const workers = dialog.locator('[data-testid=bd-workers] tbody tr')
    await workers.first().waitFor()
    // The figures as the breakdown shows them: each worker's wage and bonus share, the crew's and the workers' shares.
    const figures = new Set<string>()
    for (const row of await workers.all()) {
      const cells = await row.locator('td').allTextContents()
      figures.add(cells[2]!) // wage, e.g. "$21.15/h"
      figures.add(cells[4]!.split(/(?<=\d)(?=[A-Z])/)[0]!) // the worker's total, e.g. "$55.56"
    }
    for (const id of ['worker-share', 'crew-distributable', 'actual-cost']) figures.add((await dialog.locator(`[data-testid=bd-${id}]`).textContent())!)
    const shown = [...figures].filter((f) => /\$\d/.test(f) && f !== '$0.00')
    expect(shown.length).toBeGreaterThan(2)
    await page.waitForTimeout(400)
    const r = await readRecording(page)
    for (const figure of shown) expect(everything(r), `the recording holds ${figure}`).not.toContain(figure)
    for (const w of detail.breakdown!.workers) {
      if (w.wageCentsPerHour !== null) expect(r.messages.join(''), `wage ${w.wageCentsPerHour} in a message`).not.toContain(String(w.wageCentsPerHour))
    }
    expect(r.shadowRoots.filter((s) => s.includes('propay')), 'badge roots read').toEqual([])
    expect(r.frames, 'frame reads tried').toContain('threw')
    expect(readDocuments(r), 'frame documents read').toEqual([])
    await page.close()
  })
})
