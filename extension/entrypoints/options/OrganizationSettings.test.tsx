import { describe, expect, it } from 'vitest'
import { sessionItem } from '../../storage/items'
import { apiError, stubBackend } from '../../test-support/connection'
import { renderInto, settle, submit, text, type } from '../../test-support/render'
import { contentScriptOn, deliverFrom } from '../../test-support/sender'
import { signedInExtension } from '../../test-support/signed-in'
import { OptionsApp } from './OptionsApp'

const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ') ?? null
const me = (organization: object) => ({ user: { id: 'u_admin', orgId: 'o1', email: 'admin@acme.test', name: 'Ann Admin', role: 'admin' }, organization })
const acme = { id: 'o1', name: 'Acme Landscaping', timeZone: 'UTC', locale: 'en-US', currency: 'USD' }

describe('organisation settings on the options page', () => {
  signedInExtension()

  it('should let an admin set time zone, locale and currency, previewed before saving and kept in the session', async () => {
    let org = acme
    const requests = stubBackend((method, path, body) => {
      if (path === '/api/v1/me') return { status: 200, body: me(org) }
      if (method === 'PATCH' && path === '/api/v1/organization') {
        org = { ...org, ...(body as object) }
        return { status: 200, body: org }
      }
      return apiError(404, 'not_found', 'not here')
    })
    const root = renderInto(<OptionsApp />)
    await settle()
    expect(plain(text(root, '[data-testid=org-preview]'))).toBe('$1,234.56 · Mar 14, 2026, 11:30 PM')
    await type(root.querySelector('#org-time-zone'), 'Europe/Berlin')
    await type(root.querySelector('#org-locale'), 'de-DE')
    await type(root.querySelector('#org-currency'), 'EUR')
    expect(plain(text(root, '[data-testid=org-preview]'))).toBe('1.234,56 € · 15.03.2026, 00:30')
    await submit(root.querySelector('[data-testid=organization-settings]'))
    expect(requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([{ timeZone: 'Europe/Berlin', locale: 'de-DE', currency: 'EUR' }])
    expect(text(root, '[data-testid=org-saved]')).toContain('Saved.')
    expect((await sessionItem.getValue())!.organization).toMatchObject({ timeZone: 'Europe/Berlin', locale: 'de-DE', currency: 'EUR' })
  })

  it('should show the API’s refusal as given, and refuse the change from a vendor page', async () => {
    stubBackend((method, path) => {
      if (path === '/api/v1/me') return { status: 200, body: me(acme) }
      return apiError(400, 'bad_request', 'The request body is not valid: currency: currency "EURO" is not an ISO 4217 currency code.')
    })
    const root = renderInto(<OptionsApp />)
    await settle()
    await type(root.querySelector('#org-currency'), 'EURO')
    await submit(root.querySelector('[data-testid=organization-settings]'))
    expect(text(root, '[role=alert]')).toContain('currency "EURO" is not an ISO 4217 currency code')
    expect(await deliverFrom(contentScriptOn('https://cloud.youraspire.com/app/work-tickets'), { type: 'organization:update', payload: { currency: 'EUR' } })).toEqual({ ok: false, error: expect.stringContaining('options page') })
  })
})
