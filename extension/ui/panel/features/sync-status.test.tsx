import { describe, expect, it, vi } from 'vitest'
import { aConnection, stubBackend } from '../../../test-support/connection'
import { renderInto, text } from '../../../test-support/render'
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

  it("should offer an admin Reconnect only where the vendor's entry can replace the credentials", async () => {
    stubBackend(() => ({ status: 200, body: aConnection() }))
    const broken = { status: 'relink_needed' as const, lastError: { code: 'auth', message: 'The stored sign-in was refused.' } }
    const aspire = renderInto(<SyncStatus initial={aConnection({ ...broken, vendor: 'aspire' })} canReconnect />)
    const buildertrend = renderInto(<SyncStatus initial={aConnection({ ...broken, id: 'conn_2', vendor: 'buildertrend' })} canReconnect />)
    const exaktime = renderInto(<SyncStatus initial={aConnection({ ...broken, id: 'conn_3', vendor: 'exaktime' })} canReconnect />)
    expect(aspire.querySelector('[data-testid=reconnect]')).not.toBeNull()
    expect(exaktime.querySelector('[data-testid=reconnect]')).not.toBeNull()
    expect(buildertrend.querySelector('[data-testid=reconnect]')).toBeNull()
    expect(text(buildertrend, '.last-error__advice')).toContain('at buildertrend.net first')
  })
})
