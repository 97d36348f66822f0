/**
 * Everything the extension persists. The MV3 service worker is stopped when idle, so no state lives in
 * memory: it lives here.
 * @module
 */
import { storage } from 'wxt/utils/storage'
import type { Organization, User } from '../../shared/api/auth'
import type { ProPaySummary } from '../../shared/api/propays'
import type { PanelContext } from '../messaging/protocol'

/*
 * The token and the backend it goes to live in `storage.session` (#15), not `storage.local`: Chrome exposes the
 * session area only to trusted contexts (the background and our pages; access level TRUSTED_CONTEXTS, the default),
 * so a content script on a vendor page can neither read the token nor point it at another host. Chosen over a
 * persistent store only the extension origin reads (IndexedDB in the service worker) because Chrome enforces this
 * boundary itself and the token never reaches the disk. The cost: Chrome clears the area when it restarts, so the
 * manager signs in again after a browser restart (the options page opens on the address last built in); a service
 * worker stopped when idle keeps it.
 */

export const apiBaseUrlItem = storage.defineItem<string>('session:apiBaseUrl', { fallback: __PROTIV_DEFAULT_API__ })

export interface SignedInSession {
  token: string
  expiresAt: string
  user: User
  organization: Organization
}

// Only the background reads this item; content scripts ask the background for state and never see it.
export const sessionItem = storage.defineItem<SignedInSession | null>('session:session', { fallback: null })

/** Where versions up to 0.1.0 kept them, readable by content scripts: moved once, then deleted. */
export const legacySessionItem = storage.defineItem<SignedInSession | null>('local:session', { fallback: null })
export const legacyApiBaseUrlItem = storage.defineItem<string | null>('local:apiBaseUrl', { fallback: null })

/** Moves a session (and its backend address) from `storage.local` into `storage.session`, deleting the old copies. */
export async function moveLegacySession(): Promise<void> {
  const [legacy, legacyUrl] = await Promise.all([legacySessionItem.getValue(), legacyApiBaseUrlItem.getValue()])
  if (legacy === null && legacyUrl === null) return
  // A sign-in since (already in the session area) wins over the old copy, with the address it was made at.
  if (!(await sessionItem.getValue())) {
    if (legacy) await sessionItem.setValue(legacy)
    if (legacyUrl) await apiBaseUrlItem.setValue(legacyUrl)
  }
  await Promise.all([legacySessionItem.removeValue(), legacyApiBaseUrlItem.removeValue()])
}

/**
 * Where the backend should reach Aspire's API for a new connection. Empty means Aspire's production API;
 * developers and the e2e tests point it at the local Aspire sandbox.
 */
export const aspireApiAddressItem = storage.defineItem<string>('local:aspireApiAddress', { fallback: '' })

/**
 * Which vendors' panels the person collapsed, so a panel stays collapsed across pages and visits (#15). Not a secret;
 * the panel frame (an extension page) reads and writes it.
 */
export const collapsedPanelsItem = storage.defineItem<Record<string, boolean>>('local:collapsedPanels', { fallback: {} })

/**
 * What a tab's panel frame shows (#15; background/panel-context.ts): written by the background from what that tab's
 * content script reports, read and watched by the frame. In the session area, which content scripts cannot read.
 */
export const panelContextItem = (tabId: number) => storage.defineItem<PanelContext | null>(`session:panelContext:${tabId}`, { fallback: null })
/** The ProPays a tab's badge asked its breakdown frame to show. */
export const panelBreakdownItem = (tabId: number) => storage.defineItem<ProPaySummary[]>(`session:panelBreakdown:${tabId}`, { fallback: [] })
