import { describe, expect, it, vi } from 'vitest'
import { aConnection, apiError, stubBackend, type FakeAnswer } from '../../test-support/connection'
import { click, renderInto, settle, submit, text, type } from '../../test-support/render'
import { panelFrameIn } from '../../test-support/sender'
import { signedInExtension } from '../../test-support/signed-in'
import { ExakTimeConnect } from './exaktime-connect'

const field = (root: HTMLElement, id: string) => root.querySelector<HTMLInputElement & HTMLSelectElement>(`#${id}`)

async function renderForm(answer: FakeAnswer, companyId: string | null = 'acme') {
  const requests = stubBackend(() => answer)
  const onConnected = vi.fn()
  const root = renderInto(<ExakTimeConnect companyId={companyId} onConnected={onConnected} />)
  await settle()
  return { root, requests, onConnected }
}

async function fillKey(root: HTMLElement) {
  await type(field(root, 'exaktime-api-key'), '  demo-exaktime-read-key ')
  await type(field(root, 'exaktime-sync-start'), '2026-03-02')
}

describe('ExakTimeConnect', () => {
  // Sent as the vendor's content script does: the background answers it only what its panel needs.
  signedInExtension(() => panelFrameIn('https://acme.exaktime.com/app/timecards'))

  it("should prefill the Company ID from the page's subdomain and start with finalized-only time at sign-off", async () => {
    const { root } = await renderForm({ status: 201, body: aConnection() })
    expect(field(root, 'exaktime-company-id')!.value).toBe('acme')
    expect(text(root, '[data-testid=exaktime-company-hint]')).toBe("From this page's address (acme.exaktime.com).")
    expect(field(root, 'exaktime-finalized-only')!.checked).toBe(true)
    expect(field(root, 'exaktime-approval-level')!.value).toBe('sign_off')
    expect(field(root, 'exaktime-sync-start')!.value).toBe('')
    expect(field(root, 'exaktime-sync-start')!.required).toBe(true)
  })

  it('should ask for an API key and never for a username or password', async () => {
    const { root } = await renderForm({ status: 201, body: aConnection() })
    expect(field(root, 'exaktime-api-key')!.type).toBe('password')
    expect(field(root, 'exaktime-api-key')!.required).toBe(true)
    expect(root.querySelector('#exaktime-username, #exaktime-password, input[name=method]')).toBeNull()
    expect(text(root, '[data-testid=exaktime-key-hint]')).toContain('A read-only key is enough')
    expect(text(root, '[data-testid=exaktime-key-hint]')).toContain('does not let other apps sign in with your username and password')
  })

  it('should explain where the Company ID comes from once it differs from the page, or without one', async () => {
    const { root } = await renderForm({ status: 201, body: aConnection() }, null)
    expect(field(root, 'exaktime-company-id')!.value).toBe('')
    expect(text(root, '[data-testid=exaktime-company-hint]')).toContain('The part before .exaktime.com')
    expect(text(root, '[data-testid=exaktime-company-hint]')).toContain('not the weekly Company Setup Code')
  })

  it('should refuse to connect without a sync start date, without asking the backend', async () => {
    const { root, requests } = await renderForm({ status: 201, body: aConnection() })
    await type(field(root, 'exaktime-api-key'), 'demo-exaktime-read-key')
    await submit(root.querySelector('form'))
    expect(text(root, '[data-testid=connect-error]')).toContain('Pick the sync start date')
    expect(requests).toHaveLength(0)
  })

  it('should connect with the Company ID, the trimmed API key, and the settings, then forget the key', async () => {
    const created = aConnection({ vendor: 'exaktime', status: 'syncing', firstSync: true })
    const { root, requests, onConnected } = await renderForm({ status: 201, body: created })
    await fillKey(root)
    await submit(root.querySelector('form'))
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/connections' })
    expect(requests[0]!.body).toEqual({
      vendor: 'exaktime',
      credentials: { companyId: 'acme', apiKey: 'demo-exaktime-read-key' },
      settings: { syncStartDate: '2026-03-02', finalizedOnly: true, approvalLevel: 'sign_off', jobSource: 'location' },
    })
    expect(onConnected).toHaveBeenCalledWith(created)
    expect(field(root, 'exaktime-api-key')!.value).toBe('')
  })

  it('should send a Company ID typed without a page, and the chosen settings', async () => {
    const { root, requests } = await renderForm({ status: 201, body: aConnection({ vendor: 'exaktime' }) }, null)
    await type(field(root, 'exaktime-company-id'), ' Acme ')
    await type(field(root, 'exaktime-api-key'), ' demo-exaktime-key ')
    await type(field(root, 'exaktime-sync-start'), '2026-03-02')
    const level = field(root, 'exaktime-approval-level')!
    level.value = 'supervisor'
    level.dispatchEvent(new Event('change', { bubbles: true }))
    const jobs = field(root, 'exaktime-job-source')!
    jobs.value = 'job'
    jobs.dispatchEvent(new Event('change', { bubbles: true }))
    await type(field(root, 'exaktime-api-address'), 'http://127.0.0.1:8803 ')
    await submit(root.querySelector('form'))
    expect(requests[0]!.body).toEqual({
      vendor: 'exaktime',
      credentials: { companyId: 'Acme', apiKey: 'demo-exaktime-key' },
      settings: { syncStartDate: '2026-03-02', finalizedOnly: true, approvalLevel: 'supervisor', jobSource: 'job', baseUrl: 'http://127.0.0.1:8803' },
    })
  })

  it('should offer no ExakTime address in a production build, and send none', async () => {
    vi.stubEnv('MODE', 'production')
    const { root, requests } = await renderForm({ status: 201, body: aConnection({ vendor: 'exaktime' }) })
    expect(field(root, 'exaktime-api-address')).toBeNull()
    await fillKey(root)
    await submit(root.querySelector('form'))
    expect(requests[0]!.body).toMatchObject({ vendor: 'exaktime', credentials: { companyId: 'acme' } })
    expect(requests[0]!.body).not.toHaveProperty('settings.baseUrl')
  })

  it('should import provisional time when finalized-only is unticked, and hide the approval level', async () => {
    const { root, requests } = await renderForm({ status: 201, body: aConnection({ vendor: 'exaktime' }) })
    await click(field(root, 'exaktime-finalized-only'))
    expect(field(root, 'exaktime-approval-level')).toBeNull()
    expect(text(root, '[data-testid=exaktime-provisional-hint]')).toContain('as provisional')
    await fillKey(root)
    await submit(root.querySelector('form'))
    expect(requests[0]!.body).toMatchObject({ settings: { finalizedOnly: false } })
  })

  for (const [status, code, message] of [
    [422, 'unprocessable', "Arcoro refused the ExakTime API key (it was deleted, expired or mistyped). Check it in Arcoro's Hub under API keys."],
    [422, 'unprocessable', "The ExakTime API key lacks read access to DwTimeRecords (ExakTime's data warehouse)."],
    [400, 'bad_request', 'The credentials are not valid: credentials.companyId: A Company ID has no spaces ("ac me").'],
    [503, 'vendor_unavailable', 'ExakTime could not be reached to check these credentials. Try again in a few minutes.'],
  ] as const) {
    it(`should show a ${status} (${message.slice(0, 24)}…) exactly as the backend gives it, and keep the form`, async () => {
      const { root, onConnected } = await renderForm(apiError(status, code, message))
      await fillKey(root)
      await submit(root.querySelector('form'))
      expect(text(root, '[data-testid=connect-error]')).toBe(message)
      expect(onConnected).not.toHaveBeenCalled()
      expect(field(root, 'exaktime-api-key')!.value).toBe('  demo-exaktime-read-key ')
      expect(root.querySelector<HTMLButtonElement>('[data-testid=exaktime-connect-submit]')!.disabled).toBe(false)
    })
  }
})
