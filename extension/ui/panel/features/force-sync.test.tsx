import { render } from 'preact'
import { act } from 'preact/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { aConnection, apiError, stubBackend } from '../../../test-support/connection'
import { click, renderInto, text } from '../../../test-support/render'
import { signedInExtension } from '../../../test-support/signed-in'
import { cooldownSeconds, ForceSyncButton } from './force-sync'

describe('cooldownSeconds', () => {
  const now = Date.parse('2026-11-22T12:00:00Z')
  it('should count down to the later of the server time and a refusal', () => {
    expect(cooldownSeconds({ forceSyncAvailableAt: '2026-11-22T12:00:30Z' }, 0, now)).toBe(30)
    expect(cooldownSeconds({ forceSyncAvailableAt: '2026-11-22T12:00:30Z' }, now + 45_500, now)).toBe(46)
    expect(cooldownSeconds({ forceSyncAvailableAt: null }, 0, now)).toBe(0)
    expect(cooldownSeconds({ forceSyncAvailableAt: '2026-11-22T11:59:00Z' }, 0, now)).toBe(0)
  })
})

describe('ForceSyncButton', () => {
  signedInExtension()

  it('should start a sync and hand the refreshed connection over', async () => {
    const refreshed = aConnection({ status: 'syncing', percent: 0, forceSyncAvailableAt: new Date(Date.now() + 60_000).toISOString() })
    stubBackend(() => ({ status: 202, body: { started: true, message: 'Sync started.', connection: refreshed } }))
    const onAccepted = vi.fn()
    const root = renderInto(<ForceSyncButton connection={aConnection()} now={Date.now()} onAccepted={onAccepted} />)
    await click(root.querySelector('[data-testid=force-sync]'))
    expect(text(root, '[data-testid=force-sync-notice]')).toBe('Sync started.')
    expect(onAccepted).toHaveBeenCalledWith(refreshed)
  })

  it('should disable itself with a live countdown after a 429', async () => {
    stubBackend(() => apiError(429, 'rate_limited', 'A sync was forced less than a minute ago. Try again in 42 s.', { 'Retry-After': '42' }))
    const connection = aConnection()
    const root = renderInto(<ForceSyncButton connection={connection} now={Date.now()} onAccepted={() => {}} />)
    await click(root.querySelector('[data-testid=force-sync]'))
    const button = root.querySelector<HTMLButtonElement>('[data-testid=force-sync]')!
    act(() => render(<ForceSyncButton connection={connection} now={Date.now()} onAccepted={() => {}} />, root))
    expect(button.disabled).toBe(true)
    expect(text(root, '[data-testid=force-sync-countdown]')).toMatch(/^Available again in 4[12] s$/)
    act(() => render(<ForceSyncButton connection={connection} now={Date.now() + 30_000} onAccepted={() => {}} />, root))
    expect(text(root, '[data-testid=force-sync-countdown]')).toMatch(/^Available again in 1[12] s$/)
    act(() => render(<ForceSyncButton connection={connection} now={Date.now() + 43_000} onAccepted={() => {}} />, root))
    expect(root.querySelector('[data-testid=force-sync-countdown]')).toBeNull()
    expect(button.disabled).toBe(false)
  })

  it('should count down from the connection when a sync was just forced elsewhere', () => {
    const now = Date.now()
    const root = renderInto(<ForceSyncButton connection={aConnection({ forceSyncAvailableAt: new Date(now + 20_000).toISOString() })} now={now} onAccepted={() => {}} />)
    expect(root.querySelector<HTMLButtonElement>('[data-testid=force-sync]')!.disabled).toBe(true)
    expect(text(root, '[data-testid=force-sync-countdown]')).toBe('Available again in 20 s')
  })

  it('should be disabled for a connection that must be reconnected', () => {
    const root = renderInto(<ForceSyncButton connection={aConnection({ status: 'relink_needed' })} now={Date.now()} onAccepted={() => {}} />)
    expect(root.querySelector<HTMLButtonElement>('[data-testid=force-sync]')!.disabled).toBe(true)
  })
})
