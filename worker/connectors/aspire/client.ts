/**
 * Reads Aspire collections with OData query options. Lists are bare JSON arrays per the OpenAPI document;
 * `{ "value": [...] }` is accepted too (some tenants or headers produce it).
 * @module
 */
import type { SyncContext } from '../../sync/connector'
import { VendorError } from '../../sync/vendor-error'
import { token } from './auth'
import { ASPIRE_PRODUCTION_URL, type AspireCredentials, type AspireSettings } from './settings'

export type AspireContext = SyncContext<AspireCredentials, AspireSettings>

export const baseUrlOf = (settings: AspireSettings) => (settings.baseUrl ?? ASPIRE_PRODUCTION_URL).replace(/\/+$/, '')

export interface ListQuery {
  filter?: string
  orderby?: string
  select?: string
  limit?: number
  pageNumber?: number
}

export async function listAspire<T>(ctx: AspireContext, path: string, query: ListQuery): Promise<T[]> {
  const base = baseUrlOf(ctx.settings)
  const params = new URLSearchParams({ 'api-version': '1.0' })
  if (query.filter) params.set('$filter', query.filter)
  if (query.orderby) params.set('$orderby', query.orderby)
  if (query.select) params.set('$select', query.select)
  if (query.limit) params.set('$limit', String(query.limit))
  if (query.pageNumber) params.set('$pageNumber', String(query.pageNumber))
  const url = `${base}${path}?${params}`
  for (let attempt = 0; ; attempt++) {
    const bearer = await token(ctx.http, base, ctx.credentials, ctx.now, attempt > 0)
    const res = await ctx.http.fetch(url, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } })
    // An expired token: sign in again once; a second 401 with fresh credentials is final.
    if (res.status === 401 && attempt === 0) {
      await res.body?.cancel()
      continue
    }
    if (res.status === 401) throw new VendorError('bad_credentials', 'Aspire no longer accepts this API key. Reconnect with a current Client ID and Secret.', { status: 401 })
    if (res.status === 403) {
      throw new VendorError('forbidden', `This Aspire API key may not read ${path.slice(1)}. In Aspire, edit the key under Administration → Application → API and tick that endpoint under Scope.`, { status: 403 })
    }
    const text = await res.text()
    if (!res.ok) throw new VendorError('bad_response', `Aspire answered ${res.status} to ${path}: ${text.slice(0, 200)}`, { status: res.status })
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new VendorError('bad_response', `Aspire answered ${path} with something that is not JSON (a truncated or HTML page).`)
    }
    if (Array.isArray(body)) return body as T[]
    if (body && typeof body === 'object' && Array.isArray((body as { value?: unknown }).value)) return (body as { value: T[] }).value
    throw new VendorError('bad_response', `Aspire answered ${path} with JSON that is not a list.`)
  }
}
