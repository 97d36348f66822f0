/**
 * Drives the ExakTime sandbox (a Node server started by the test run's global setup) through its control
 * API. The engine-side helpers (captureQueue, drain, cronCycle, counts) are vendor-neutral and shared with
 * the Aspire tests.
 * @module
 */
import { inject } from 'vitest'
import type { ConnectionView } from '../../shared/api/connections'
import { call } from './fixtures'

export const exaktimeUrl = () => {
  const url = inject('sandboxes').exaktime
  if (!url) throw new Error('the ExakTime sandbox was not started by the global setup')
  return url
}

export interface ExakTimeTenant {
  companyId: string
  apiKeys: Array<{ key: string; access: 'read' | 'read_write'; denied?: string[] }>
  today: string
  counts: Record<string, number>
}

export interface TimeSummary {
  total: number
  final: number
  waiting: number
  quarantined: number
  finalIds: number[]
}

export async function exControl<T = unknown>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const res = await fetch(`${exaktimeUrl()}/__control${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  })
  if (!res.ok) throw new Error(`control ${path} answered ${res.status}: ${await res.text()}`)
  return (res.status === 204 ? undefined : await res.json()) as T
}

export const createExakTimeTenant = (input: Record<string, unknown> = {}) => exControl<ExakTimeTenant>('/tenants', { json: { size: 'small', seed: 11, ...input } })

export const readKey = (t: ExakTimeTenant) => t.apiKeys.find((k) => k.access === 'read')!.key

/** The connect credentials: the tenant's Company ID and an API key (its read-only key unless given). */
export const exKey = (t: ExakTimeTenant, apiKey = readKey(t)) => ({ companyId: t.companyId, apiKey })

export const timeSummary = (t: ExakTimeTenant, query = '') => exControl<TimeSummary>(`/tenants/${t.companyId}/time-summary${query}`)

export const exRecords = <T = Record<string, unknown>>(t: ExakTimeTenant, kind: string) => exControl<T[]>(`/tenants/${t.companyId}/records/${kind}`)

/** Connects through the real API; returns the raw response so tests can check refusals. */
export const postExakTimeConnection = (token: string, credentials: Record<string, unknown>, settings: Record<string, unknown> = {}) =>
  call('/api/v1/connections', { method: 'POST', token, json: { vendor: 'exaktime', credentials, settings: { syncStartDate: '2000-01-01', baseUrl: exaktimeUrl(), ...settings } } })

export async function connectExakTime(token: string, credentials: Record<string, unknown>, settings: Record<string, unknown> = {}) {
  const res = await postExakTimeConnection(token, credentials, settings)
  if (res.status !== 201) throw new Error(`connect failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as ConnectionView
}
