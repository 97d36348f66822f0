/**
 * What the background does for each message. Errors are thrown with a message a person can act on; the
 * router turns them into `{ ok: false, error }`.
 * @module
 */
import type { Browser } from 'wxt/browser'
import { ApiError, createApiClient } from '../../shared/api/client'
import { DEFAULT_CURRENCY, DEFAULT_LOCALE } from '../../shared/api/organization'
import type { AuthState, BackendStatus, MessageType, Messages } from '../messaging/protocol'
import { apiBaseUrlItem, sessionItem } from '../storage/items'
import { apiClient } from './api'
import { buildertrendSessionHandlers } from './buildertrend-session'
import { connectionHandlers } from './connection-handlers'
import { describeFailure } from './describe-failure'
import { diagnosticsHandlers } from './diagnostics-handlers'
import { normalizeApiBaseUrl } from './normalize-url'
import { pageSyncHandlers } from './page-sync-handlers'
import { panelContextHandlers } from './panel-context'
import { propayHandlers } from './propay-handlers'
import { reviewHandlers } from './review-handlers'
import { withApi } from './with-api'

type Handlers = { [T in MessageType]: (payload: Messages[T]['request'], sender?: Browser.runtime.MessageSender) => Promise<Messages[T]['response']> }

async function authState(): Promise<AuthState> {
  const apiBaseUrl = await apiBaseUrlItem.getValue()
  const session = await sessionItem.getValue()
  if (!session) return { signedIn: false, apiBaseUrl }
  return { signedIn: true, apiBaseUrl, user: session.user, organization: session.organization }
}

/** The stored session, checked with the server: a revoked or expired token signs the extension out. */
async function verifiedAuthState(): Promise<AuthState> {
  const session = await sessionItem.getValue()
  if (session) {
    try {
      const me = await (await apiClient())('me')
      await sessionItem.setValue({ ...session, user: me.user, organization: me.organization })
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) await sessionItem.setValue(null)
      // Unreachable backend: keep the session; it may come back.
    }
  }
  return authState()
}

export const handlers: Handlers = {
  async 'backend:status'(): Promise<BackendStatus> {
    const apiBaseUrl = await apiBaseUrlItem.getValue()
    try {
      const health = await (await apiClient(apiBaseUrl))('health')
      return { reachable: true, apiBaseUrl, health }
    } catch (err) {
      return { reachable: false, apiBaseUrl, error: describeFailure(err, apiBaseUrl) }
    }
  },

  'auth:state': verifiedAuthState,

  async 'auth:signIn'({ apiBaseUrl: typed, email, password }) {
    const apiBaseUrl = normalizeApiBaseUrl(typed)
    const call = await apiClient(apiBaseUrl)
    let login
    try {
      login = await call('login', { body: { email, password } })
    } catch (err) {
      throw new Error(describeFailure(err, apiBaseUrl))
    }
    const me = await createApiClient({ baseUrl: apiBaseUrl, token: () => login.token })('me').catch(() => null)
    await apiBaseUrlItem.setValue(apiBaseUrl)
    await sessionItem.setValue({
      token: login.token,
      expiresAt: login.expiresAt,
      user: login.user,
      organization: me?.organization ?? { id: login.user.orgId, name: '', timeZone: 'UTC', locale: DEFAULT_LOCALE, currency: DEFAULT_CURRENCY },
    })
    return authState()
  },

  async 'auth:signOut'() {
    // Revoke on the server when we can; sign out locally regardless (the server may be gone).
    await (await apiClient())('logout').catch(() => undefined)
    await sessionItem.setValue(null)
    return authState()
  },

  async 'organization:update'(changes) {
    const organization = await withApi((call) => call('updateOrganization', { body: changes }))
    const session = await sessionItem.getValue()
    // Every panel and page formats from the session's organisation: keep it the one the backend now has.
    if (session) await sessionItem.setValue({ ...session, organization })
    return authState()
  },

  ...connectionHandlers,
  ...propayHandlers,
  ...buildertrendSessionHandlers,
  ...pageSyncHandlers(),
  ...reviewHandlers,
  ...diagnosticsHandlers,
  ...panelContextHandlers,
}
