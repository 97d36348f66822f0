import { beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { send } from '../messaging/send'
import { sessionItem } from '../storage/items'
import { listenForMessages } from './router'

describe('background message router', () => {
  beforeEach(() => {
    fakeBrowser.reset()
    listenForMessages()
  })

  it('should answer the signed-out state from storage', async () => {
    expect(await send('auth:state', {})).toEqual({ signedIn: false, apiBaseUrl: __PROTIV_DEFAULT_API__ })
  })

  it('should answer the stored session without exposing its token', async () => {
    await sessionItem.setValue({
      token: 'pvc_secret',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: { id: 'u1', orgId: 'o1', email: 'a@b.c', name: 'Ann', role: 'admin' },
      organization: { id: 'o1', name: 'Acme', timeZone: 'UTC' },
    })
    // The backend is not running in this unit test: the state must come back from storage, unverified.
    const state = await send('auth:state', {})
    expect(state).toMatchObject({ signedIn: true, user: { name: 'Ann' }, organization: { name: 'Acme' } })
    expect(JSON.stringify(state)).not.toContain('pvc_secret')
  })

  it('should turn a handler failure into an error with its message', async () => {
    await expect(send('auth:signIn', { apiBaseUrl: 'http://', email: 'a@b.c', password: 'x' })).rejects.toThrow('is not a web address')
  })
})
