import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { ReviewApp } from '../../entrypoints/review/ReviewApp'
import { listenForMessages } from '../../background/router'
import { sessionItem } from '../../storage/items'
import { stubBackend } from '../../test-support/connection'
import { NO_OPTIONS, aProPay, aProPayDetail } from '../../test-support/propay'
import { click, renderInto, settle, text, unmountAll } from '../../test-support/render'
import { extensionPage, messagesFrom } from '../../test-support/sender'
import { resetOrgFormat } from './use-org-format'

const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ') ?? null
const berlin = { id: 'o1', name: 'Berliner Gärten', timeZone: 'Europe/Berlin', locale: 'de-DE', currency: 'EUR' }
const user = { id: 'u_admin', orgId: 'o1', email: 'admin@gaerten.test', name: 'Ada', role: 'admin' as const }

/** A backend whose `me` says the organisation is in Berlin, paid in euros. */
function berlinBackend() {
  return stubBackend((method, path) => {
    if (path === '/api/v1/me') return { status: 200, body: { user, organization: berlin } }
    if (path === '/api/v1/review-queue') return { status: 200, body: { milestones: [], readyToApprove: [aProPay({ figures: { ...aProPay().figures!, bonusPoolCents: 123_456 } })], filters: NO_OPTIONS } }
    if (path === '/api/v1/propays') {
      return { status: 200, body: { propays: [aProPay({ id: 'pp_2', status: 'approved', approvable: false, approvalDate: '2026-03-15', figures: { ...aProPay().figures!, paidOutCents: 98_765 } })] } }
    }
    if (path.startsWith('/api/v1/propays/')) return { status: 200, body: aProPayDetail() }
    return { status: 404, body: { error: { code: 'not_found', message: `no stub for ${method} ${path}` } } }
  })
}

describe('the organisation’s formatting, fed from the signed-in me', () => {
  beforeEach(async () => {
    fakeBrowser.reset()
    resetOrgFormat()
    listenForMessages()
    // Signed in before the organisation changed: the stored session still says en-US; `me` says de-DE.
    await sessionItem.setValue({ token: 'pvc_t', expiresAt: '2099-01-01T00:00:00.000Z', user, organization: { ...berlin, locale: 'en-US', currency: 'USD' } })
  })
  afterEach(() => {
    unmountAll()
    vi.unstubAllGlobals()
    resetOrgFormat()
  })

  it('should write the review screen’s money and dates in the organisation’s locale and currency', async () => {
    messagesFrom(extensionPage('/review.html', true))
    berlinBackend()
    const root = renderInto(<ReviewApp />)
    await settle()
    expect(plain(text(root, 'td.money'))).toBe('1.234,56 €')
    await click([...root.querySelectorAll('[role=tab]')].find((t) => t.textContent === 'Approved')!)
    const cells = [...root.querySelectorAll('[data-testid=approved-table] tbody td')].map((td) => plain(td.textContent))
    expect(cells).toContain('15.03.2026')
    expect(cells).toContain('987,65 €')
  })
})
