import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import type { DiagnosticsView } from '../../../shared/api/diagnostics'
import { listenForMessages } from '../../background/router'
import { apiError, type FakeAnswer, signIn, stubBackend } from '../../test-support/connection'
import { renderInto, settle, unmountAll } from '../../test-support/render'
import { extensionPage, messagesFrom } from '../../test-support/sender'
import { OptionsApp } from './OptionsApp'

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString()

const view: DiagnosticsView = {
  backendVersion: '0.1.0',
  lastCronAt: minutesAgo(1),
  lastQueueAt: null,
  selectorMisses: [
    { vendor: 'aspire', kind: 'screen_probe', pagePattern: '/app/work-tickets/details/:id', count: 7, firstSeenAt: minutesAgo(90), lastSeenAt: minutesAgo(2), extensionVersions: ['0.1.0'] },
    { vendor: 'buildertrend', kind: 'page_action', pagePattern: '/app/TimeClock', count: 1, firstSeenAt: minutesAgo(300), lastSeenAt: minutesAgo(300), extensionVersions: ['0.0.9', '0.1.0'] },
  ],
  connections: [
    {
      id: 'c1',
      vendor: 'aspire',
      accountLabel: 'Evergreen',
      status: 'failed',
      paused: false,
      frequencySeconds: 900,
      lastRunStartedAt: null,
      lastRunFinishedAt: null,
      lastSuccessAt: null,
      nextRunAt: null,
      lastError: { code: 'vendor_unavailable', message: 'Aspire did not answer.' },
    },
  ],
}

async function optionsAs(role: 'admin' | 'manager' | 'crew_lead' | 'worker', diagnostics = (): FakeAnswer => ({ status: 200, body: view })) {
  await signIn(role)
  const requests = stubBackend((_method, path) => {
    if (path === '/api/v1/diagnostics') return diagnostics()
    if (path === '/api/v1/me') return { status: 200, body: { user: { id: `u_${role}`, orgId: 'o1', email: 'x@acme.test', name: 'Ann', role }, organization: { id: 'o1', name: 'Acme', timeZone: 'UTC' } } }
    return { status: 200, body: { ok: true, service: 'protiv-connect', version: '0.1.0', time: '', database: 'ok', lastCronAt: null, lastQueueAt: null } }
  })
  const root = renderInto(<OptionsApp />)
  await settle()
  await settle()
  return { root, requests }
}

describe('the options page Diagnostics section', () => {
  beforeEach(() => {
    fakeBrowser.reset()
    messagesFrom(extensionPage())
    listenForMessages()
  })
  afterEach(() => {
    unmountAll()
    vi.unstubAllGlobals()
  })

  it('should list an admin the misses, newest first, and the connections, as text', async () => {
    const { root } = await optionsAs('admin')
    const misses = [...root.querySelectorAll('[data-testid=misses] li')].map((li) => li.textContent)
    expect(misses).toEqual([
      'Aspire /app/work-tickets/details/:id: Screen not recognised after loading — 7×, last 2 min ago (extension 0.1.0)',
      'Buildertrend /app/TimeClock: Button wording Protiv does not know — 1×, last 5 h ago (extension 0.0.9, 0.1.0)',
    ])
    expect(root.querySelector('[data-testid=connection-facts]')!.textContent).toBe('Aspire · Evergreen: failed, never synced successfully — vendor_unavailable: Aspire did not answer.')
    // Text only: nothing the backend sent became markup.
    expect(root.querySelectorAll('[data-testid=diagnostics] a, [data-testid=diagnostics] img')).toHaveLength(0)
  })

  it('should say so when nothing was missed', async () => {
    const { root } = await optionsAs('admin', () => ({ status: 200, body: { ...view, selectorMisses: [] } }))
    expect(root.querySelector('[data-testid=no-misses]')).not.toBeNull()
  })

  it("should show the API's refusal in its words", async () => {
    const message = 'Only an admin of your organisation can see diagnostics.'
    const { root } = await optionsAs('admin', () => apiError(403, 'forbidden', message))
    expect(root.querySelector('[data-testid=diagnostics] .error')!.textContent).toContain(message)
  })

  it.each(['manager', 'crew_lead', 'worker'] as const)('should neither show nor ask for diagnostics for a %s', async (role) => {
    const { root, requests } = await optionsAs(role)
    expect(root.querySelector('[data-testid=signed-in]')).not.toBeNull()
    expect(root.querySelector('[data-testid=diagnostics]')).toBeNull()
    expect(requests.filter((r) => r.path === '/api/v1/diagnostics')).toEqual([])
  })
})
