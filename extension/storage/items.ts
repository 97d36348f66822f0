/**
 * Everything the extension persists. The MV3 service worker is stopped when idle, so no state lives in
 * memory: it lives here.
 * @module
 */
import { storage } from 'wxt/utils/storage'
import type { Organization, User } from '../../shared/api/auth'

export const apiBaseUrlItem = storage.defineItem<string>('local:apiBaseUrl', { fallback: __PROTIV_DEFAULT_API__ })

export interface SignedInSession {
  token: string
  expiresAt: string
  user: User
  organization: Organization
}

// Only the background reads this item; content scripts ask the background for state and never see it.
export const sessionItem = storage.defineItem<SignedInSession | null>('local:session', { fallback: null })

/**
 * Where the backend should reach Aspire's API for a new connection. Empty means Aspire's production API;
 * developers and the e2e tests point it at the local Aspire sandbox.
 */
export const aspireApiAddressItem = storage.defineItem<string>('local:aspireApiAddress', { fallback: '' })
