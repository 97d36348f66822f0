import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { listenForMessages } from '../background/router'
import { send } from '../messaging/send'
import { stubBackend } from '../test-support/connection'
import { contentScriptOn, extensionPage, messagesFrom } from '../test-support/sender'
import { apiBaseUrlItem, type SignedInSession, sessionItem } from './items'

const user = { id: 'u1', orgId: 'o1', email: 'ann@acme.test', name: 'Ann', role: 'admin' as const }
const organization = { id: 'o1', name: 'Acme Landscaping', timeZone: 'UTC', locale: 'en-US', currency: 'USD' }
const oldSession: SignedInSession = { token: 'pvc_old_token', expiresAt: '2099-01-01T00:00:00.000Z', user, organization }
const DEV_API = 'http://127.0.0.1:9999'

/** Everything a content script could read with `browser.storage.local.get(null)` (or `sync`). */
const contentScriptReadable = async () => JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null)])

describe('where the signed-in session is kept', () => {
  beforeEach(() => {
    fakeBrowser.reset()
    messagesFrom(extensionPage())
  })
  afterEach(() => vi.unstubAllGlobals())

  it('should keep the token and backend address of a sign-in in storage.session only', async () => {
    listenForMessages()
    stubBackend((_method, path) =>
      path === '/api/v1/auth/login' ? { status: 200, body: { token: 'pvc_new_token', expiresAt: '2099-01-01T00:00:00.000Z', user } } : { status: 200, body: { user, organization } },
    )
    await send('auth:signIn', { apiBaseUrl: DEV_API, email: user.email, password: 'correct horse battery' })
    expect(await contentScriptReadable()).not.toContain('pvc_new_token')
    expect(await contentScriptReadable()).not.toContain(DEV_API)
    expect(await fakeBrowser.storage.session.get(null)).toMatchObject({ session: { token: 'pvc_new_token' }, apiBaseUrl: DEV_API })
  })

  it('should give a content script the signed-in state and organisation by message, without the token', async () => {
    await sessionItem.setValue(oldSession)
    listenForMessages()
    messagesFrom(contentScriptOn('https://cloud.youraspire.com/app/work-tickets'))
    stubBackend(() => ({ status: 503, body: { error: { code: 'down', message: 'down' } } }))
    const state = await send('auth:state', {})
    expect(state).toMatchObject({ signedIn: true, organization: { name: 'Acme Landscaping' } })
    expect(JSON.stringify(state)).not.toContain('pvc_old_token')
  })

  it('should move a session kept in storage.local by an older version once, deleting the old copy', async () => {
    await fakeBrowser.storage.local.set({ session: oldSession, apiBaseUrl: DEV_API, aspireApiAddress: 'http://127.0.0.1:8801' })
    listenForMessages()
    stubBackend(() => ({ status: 200, body: { user, organization } }))
    // The first answer already sees the moved session.
    expect(await send('auth:state', {})).toMatchObject({ signedIn: true, apiBaseUrl: DEV_API, user: { name: 'Ann' } })
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ aspireApiAddress: 'http://127.0.0.1:8801' })
    expect(await sessionItem.getValue()).toMatchObject({ token: 'pvc_old_token' })
    expect(await apiBaseUrlItem.getValue()).toBe(DEV_API)
  })

  it('should keep a newer sign-in over the old copy, and still delete the old copy', async () => {
    await sessionItem.setValue({ ...oldSession, token: 'pvc_newer' })
    await fakeBrowser.storage.local.set({ session: oldSession, apiBaseUrl: DEV_API })
    listenForMessages()
    stubBackend(() => ({ status: 200, body: { user, organization } }))
    expect(await send('auth:state', {})).toMatchObject({ signedIn: true, apiBaseUrl: __PROTIV_DEFAULT_API__ })
    expect(await sessionItem.getValue()).toMatchObject({ token: 'pvc_newer' })
    expect(await fakeBrowser.storage.local.get(null)).toEqual({})
  })
})
