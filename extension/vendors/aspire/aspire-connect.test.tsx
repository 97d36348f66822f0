import { describe, expect, it, vi } from 'vitest'
import { aspireApiAddressItem } from '../../storage/items'
import { aConnection, apiError, stubBackend, type FakeAnswer } from '../../test-support/connection'
import { renderInto, settle, submit, text, type } from '../../test-support/render'
import { panelFrameIn } from '../../test-support/sender'
import { signedInExtension } from '../../test-support/signed-in'
import { firstDayOfYear } from '../../ui/first-day-of-year'
import { AspireConnect } from './aspire-connect'

async function fillAndSubmit(answer: FakeAnswer, fields: { secret?: string; apiAddress?: string } = {}) {
  const requests = stubBackend(() => answer)
  const onConnected = vi.fn()
  const root = renderInto(<AspireConnect onConnected={onConnected} />)
  await settle()
  await type(root.querySelector('#aspire-client-id'), 'client-123')
  await type(root.querySelector('#aspire-secret'), fields.secret ?? 'secret-456')
  if (fields.apiAddress !== undefined) await type(root.querySelector('#aspire-api-address'), fields.apiAddress)
  await submit(root.querySelector('form'))
  return { root, requests, onConnected }
}

describe('AspireConnect', () => {
  // Sent as the vendor's content script does: the background answers it only what its panel needs.
  signedInExtension(() => panelFrameIn('https://cloud.youraspire.com/app/admin/api'))

  it('should say where the Client ID and Secret come from, and default the start date to January 1st', async () => {
    const root = renderInto(<AspireConnect onConnected={() => {}} />)
    expect(text(root, '[data-testid=aspire-credentials-pointer]')).toContain('Administration → Application → API')
    expect(text(root, '[data-testid=aspire-credentials-pointer]')).toContain('shows the Secret only once')
    expect(root.querySelector<HTMLInputElement>('#aspire-sync-start')!.value).toBe(firstDayOfYear())
    expect(root.querySelector<HTMLInputElement>('#aspire-api-address')!.value).toBe('')
  })

  it('should connect with the production API when the API address is empty', async () => {
    const created = aConnection({ status: 'syncing', firstSync: true })
    const { requests, onConnected } = await fillAndSubmit({ status: 201, body: created })
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/connections',
      body: { vendor: 'aspire', credentials: { clientId: 'client-123', secret: 'secret-456' }, settings: { syncStartDate: firstDayOfYear() } },
    })
    expect(requests[0]!.body).not.toHaveProperty('settings.baseUrl')
    expect(onConnected).toHaveBeenCalledWith(created)
  })

  it('should send and remember a local Aspire API address', async () => {
    const { requests } = await fillAndSubmit({ status: 201, body: aConnection() }, { apiAddress: ' http://127.0.0.1:8801 ' })
    expect(requests[0]!.body).toMatchObject({ settings: { baseUrl: 'http://127.0.0.1:8801' } })
    expect(await aspireApiAddressItem.getValue()).toBe('http://127.0.0.1:8801')
  })

  it('should prefill the remembered API address', async () => {
    await aspireApiAddressItem.setValue('http://127.0.0.1:8801')
    const root = renderInto(<AspireConnect onConnected={() => {}} />)
    await settle()
    expect(root.querySelector<HTMLInputElement>('#aspire-api-address')!.value).toBe('http://127.0.0.1:8801')
    expect(root.querySelector('details')!.open).toBe(true)
  })

  it('should offer no API address in a production build, and neither send nor remember the stored one', async () => {
    vi.stubEnv('MODE', 'production')
    await aspireApiAddressItem.setValue('http://127.0.0.1:8801')
    const { root, requests } = await fillAndSubmit({ status: 201, body: aConnection() })
    expect(root.querySelector('#aspire-api-address')).toBeNull()
    expect(root.querySelector('details.advanced')).toBeNull()
    expect(requests[0]!.body).not.toHaveProperty('settings.baseUrl')
    expect(await aspireApiAddressItem.getValue()).toBe('http://127.0.0.1:8801')
  })

  for (const [status, code, message] of [
    [422, 'unprocessable', 'Aspire refused this Client ID and Secret. Check them in Aspire under Administration → Application → API.'],
    [400, 'bad_request', 'The settings are not valid: settings.syncStartDate: syncStartDate must be a date like 2026-01-15.'],
    [503, 'vendor_unavailable', 'Aspire could not be reached to check these credentials (timeout) Try again in a few minutes.'],
  ] as const) {
    it(`should show a ${status} exactly as the backend gives it, and stay on the form`, async () => {
      const { root, onConnected } = await fillAndSubmit(apiError(status, code, message), { secret: 'wrong' })
      expect(text(root, '[data-testid=connect-error]')).toBe(message)
      expect(onConnected).not.toHaveBeenCalled()
      expect(root.querySelector<HTMLInputElement>('#aspire-client-id')!.value).toBe('client-123')
      expect(root.querySelector<HTMLButtonElement>('[data-testid=aspire-connect-submit]')!.disabled).toBe(false)
    })
  }
})
