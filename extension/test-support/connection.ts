/**
 * Test data and a fake backend for extension unit tests: a ConnectionView builder, a signed-in session,
 * and a `fetch` stub that answers like the worker and records what it was asked.
 * @module
 */
import { vi } from 'vitest'
import type { ConnectionView } from '../../shared/api/connections'
import type { SignedInState } from '../messaging/protocol'
import { sessionItem } from '../storage/items'

export function aConnection(overrides: Partial<ConnectionView> = {}): ConnectionView {
  return {
    id: 'conn_1',
    vendor: 'aspire',
    accountLabel: 'Evergreen Landscaping',
    status: 'ok',
    statusText: 'Up to date.',
    paused: false,
    // As the worker stores them: a Buildertrend connection signs in with a password unless a test says otherwise.
    credentialKind: overrides.vendor === 'buildertrend' ? 'password' : 'api_key',
    settings: { syncStartDate: '2026-01-01' },
    frequencySeconds: 900,
    firstSync: false,
    percent: null,
    etaSeconds: null,
    lastRunStartedAt: '2026-11-22T11:57:00.000Z',
    lastRunFinishedAt: '2026-11-22T11:58:00.000Z',
    lastSuccessAt: '2026-11-22T11:58:00.000Z',
    nextRunAt: '2026-11-22T12:13:00.000Z',
    forceSyncAvailableAt: null,
    lastError: null,
    streams: [],
    createdAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  }
}

export async function signIn(role: 'admin' | 'manager' | 'crew_lead' | 'worker' = 'admin') {
  await sessionItem.setValue({
    token: 'pvc_test_token',
    expiresAt: '2099-01-01T00:00:00.000Z',
    user: { id: `u_${role}`, orgId: 'o1', email: `${role}@acme.test`, name: 'Ann Admin', role },
    organization: { id: 'o1', name: 'Acme Landscaping', timeZone: 'UTC', locale: 'en-US', currency: 'USD' },
  })
}

export interface FakeAnswer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** Stubs global fetch: `answer(method, path, body)` decides; every request is kept in `requests`. */
export function stubBackend(answer: (method: string, path: string, body: unknown) => FakeAnswer) {
  const requests: Array<{ method: string; path: string; body: unknown; authorization: string | null }> = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input)
      const method = init.method ?? 'GET'
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined
      requests.push({ method, path: url.pathname, body, authorization: new Headers(init.headers).get('authorization') })
      const reply = answer(method, url.pathname, body)
      return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': 'application/json', ...reply.headers },
      })
    }),
  )
  return requests
}

export const apiError = (status: number, code: string, message: string, headers?: Record<string, string>): FakeAnswer => ({
  status,
  body: { error: { code, message } },
  headers,
})

/** The signed-in state the panel hands its sections, for a user of `role` at `organization`. */
export const authAs = (role: SignedInState['user']['role'], organization = 'Acme Landscaping'): SignedInState => ({
  signedIn: true,
  apiBaseUrl: 'http://127.0.0.1:8787',
  user: { id: `u_${role}`, orgId: 'o1', email: 'x@acme.test', name: 'Ann', role },
  organization: { id: 'o1', name: organization, timeZone: 'UTC', locale: 'en-US', currency: 'USD' },
})
