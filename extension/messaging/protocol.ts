/**
 * Messages from the popup, options page and content scripts to the background, which owns every API call
 * (content scripts on vendor pages cannot reach a local API: Chrome's Local Network Access blocks them).
 * @module
 */
import type { Organization, User } from '../../shared/api/auth'
import type { HealthResponse } from '../../shared/api/health'

export type BackendStatus =
  | { reachable: true; apiBaseUrl: string; health: HealthResponse }
  | { reachable: false; apiBaseUrl: string; error: string }

export type AuthState =
  | { signedIn: false; apiBaseUrl: string }
  | { signedIn: true; apiBaseUrl: string; user: User; organization: Organization }

export interface Messages {
  'backend:status': { request: Record<string, never>; response: BackendStatus }
  'auth:state': { request: Record<string, never>; response: AuthState }
  'auth:signIn': { request: { apiBaseUrl: string; email: string; password: string }; response: AuthState }
  'auth:signOut': { request: Record<string, never>; response: AuthState }
}

export type MessageType = keyof Messages
export type Envelope<T extends MessageType = MessageType> = { type: T; payload: Messages[T]['request'] }
export type Reply<T extends MessageType> = { ok: true; data: Messages[T]['response'] } | { ok: false; error: string }
