import { describe, expect, it, vi } from 'vitest'
import { aConnection, stubBackend } from '../../../test-support/connection'
import { BROWSER_SESSION_ENDED } from '../../../../shared/vendor-contracts/buildertrend/session-ended'
import { click, renderInto, settle, submit, text, type } from '../../../test-support/render'
import { resetSessionRefreshForTests } from '../../../vendors/buildertrend/session-refresh'
import { signedInExtension } from '../../../test-support/signed-in'
import { SyncStatus } from './sync-status'

describe('SyncStatus', () => {
  signedInExtension()

  it('should follow a running first sync to the end through the background, about every 2 s', async () => {
    const running = aConnection({ status: 'syncing', statusText: 'First sync in progress: 40% done.', firstSync: true, percent: 40, lastRunFinishedAt: null })
    const done = aConnection({ status: 'ok', statusText: 'Up to date.', lastRunFinishedAt: new Date().toISOString() })
    const requests = stubBackend(() => ({ status: 200, body: done }))
    const root = renderInto(<SyncStatus initial={running} canReconnect />)
    expect(text(root, '[data-testid=sync-percent]')).toBe('40%')
    await vi.waitFor(() => expect(text(root, '[data-testid=status-text]')).toBe('Up to date.'), { timeout: 4000, interval: 50 })
    expect(root.querySelector('[data-testid=sync-progress]')).toBeNull()
    expect(text(root, '[data-testid=last-sync]')).toBe('just now')
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/connections/conn_1'])
  })

  it("should offer an admin Reconnect only where the vendor's entry can replace the credentials from a form", async () => {
    resetSessionRefreshForTests()
    stubBackend((_method, path) => ({ status: 200, body: path === '/api/v1/connections' ? { connections: [] } : aConnection() }))
    const broken = { status: 'relink_needed' as const, lastError: { code: 'bad_credentials', message: 'The stored sign-in was refused.' } }
    const aspire = renderInto(<SyncStatus initial={aConnection({ ...broken, vendor: 'aspire' })} canReconnect />)
    const btPassword = renderInto(<SyncStatus initial={aConnection({ ...broken, id: 'conn_2', vendor: 'buildertrend' })} canReconnect />)
    const btSession = renderInto(
      <SyncStatus initial={aConnection({ id: 'conn_4', vendor: 'buildertrend', credentialKind: 'browser_session', status: 'relink_needed', lastError: { code: 'session_expired', message: BROWSER_SESSION_ENDED } })} canReconnect />,
    )
    const exaktime = renderInto(<SyncStatus initial={aConnection({ ...broken, id: 'conn_3', vendor: 'exaktime' })} canReconnect />)
    const notAdmin = renderInto(<SyncStatus initial={aConnection({ ...broken, id: 'conn_5', vendor: 'buildertrend' })} canReconnect={false} />)
    await settle()
    expect(aspire.querySelector('[data-testid=reconnect]')).not.toBeNull()
    expect(exaktime.querySelector('[data-testid=reconnect]')).not.toBeNull()
    expect(btPassword.querySelector('[data-testid=reconnect]')).not.toBeNull()
    // An ended browser session is renewed from the signed-in tab only: the automatic refresh, no password form.
    expect(btSession.querySelector('[data-testid=reconnect]')).toBeNull()
    expect(btSession.querySelector('[data-testid=buildertrend-session-refresh]')).not.toBeNull()
    expect(text(btSession, '.last-error__advice')).toContain('at buildertrend.net first')
    expect(notAdmin.querySelector('[data-testid=reconnect]')).toBeNull()
  })

  it('should reconnect a Buildertrend password connection with the new password and follow it back to syncing', async () => {
    resetSessionRefreshForTests()
    const broken = aConnection({ vendor: 'buildertrend', status: 'relink_needed', statusText: 'Buildertrend did not accept this username and password.', lastError: { code: 'bad_credentials', message: 'Buildertrend did not accept this username and password.' } })
    const syncing = aConnection({ vendor: 'buildertrend', status: 'syncing', statusText: 'Syncing now.', lastError: null })
    let patched = false
    const requests = stubBackend((method, path) => {
      if (method === 'PATCH') patched = true
      if (path === '/api/v1/connections') return { status: 200, body: { connections: [patched ? syncing : broken] } }
      return { status: 200, body: patched ? syncing : broken }
    })
    const root = renderInto(<SyncStatus initial={broken} canReconnect />)
    await settle()
    await click(root.querySelector('[data-testid=reconnect]'))
    const form = root.querySelector('[data-testid=buildertrend-reconnect]')
    await type(form!.querySelector('#bt-reconnect-username'), 'ann@acme.test')
    await type(form!.querySelector('#bt-reconnect-password'), 'n3w-pass')
    await submit(form)
    expect(requests.filter((r) => r.method === 'PATCH')).toEqual([
      expect.objectContaining({ path: '/api/v1/connections/conn_1', body: { credentials: { kind: 'password', username: 'ann@acme.test', password: 'n3w-pass' } } }),
    ])
    await vi.waitFor(() => expect(root.querySelector('[data-testid=sync-status]')!.getAttribute('data-status')).toBe('syncing'))
    expect(text(root, '[data-testid=status-text]')).toBe('Syncing now.')
    expect(root.querySelector('[data-testid=buildertrend-reconnect]')).toBeNull()
  })
})
