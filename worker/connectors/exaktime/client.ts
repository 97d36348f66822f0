/**
 * Reads Arcoro: REST (`/v1/...`, paged with `page`/`page_size`/`next_page`) and the OData warehouse
 * (`/odata/Dw*`). Either credential works on both: the API key in `Ocp-Apim-Subscription-Key` (header name
 * *unverified*) or a credential-login session as a bearer token. HTTP errors become VendorErrors a person
 * can act on; 429s and 5xx are retried by the engine's VendorHttp.
 * @module
 */
import type { SyncContext } from '../../sync/connector'
import { VendorError } from '../../sync/vendor-error'
import { session } from './auth'
import { ARCORO_API_URL, type ExakTimeCredentials, type ExakTimeSettings, usesApiKey } from './settings'
import type { RestPage } from './types'

export type ExakTimeContext = SyncContext<ExakTimeCredentials, ExakTimeSettings>

export const KEY_HEADER = 'Ocp-Apim-Subscription-Key'

export const apiBase = (settings: ExakTimeSettings) => (settings.baseUrl ?? ARCORO_API_URL).replace(/\/+$/, '')

const keyHint = (c: ExakTimeCredentials) => (usesApiKey(c) ? "Check the API key in Arcoro's Hub (API keys), or create a new one, and reconnect." : 'Reconnect with a current username and password.')

async function authHeaders(ctx: ExakTimeContext, renew: boolean): Promise<Record<string, string>> {
  const c = ctx.credentials
  if (usesApiKey(c)) return { [KEY_HEADER]: c.apiKey }
  return { authorization: `Bearer ${await session(ctx.http, ctx.settings, c, ctx.now, renew)}` }
}

async function getJson(ctx: ExakTimeContext, path: string, what: string): Promise<unknown> {
  const url = `${apiBase(ctx.settings)}${path}`
  for (let attempt = 0; ; attempt++) {
    const res = await ctx.http.fetch(url, { headers: { ...(await authHeaders(ctx, attempt > 0)), accept: 'application/json' } })
    // A session can expire between steps: sign in again once. An API key gets no second chance.
    if (res.status === 401 && attempt === 0 && !usesApiKey(ctx.credentials)) {
      await res.body?.cancel()
      continue
    }
    const text = await res.text()
    const vendorMessage = (() => {
      try {
        return (JSON.parse(text) as { error?: { message?: string } }).error?.message
      } catch {
        return undefined
      }
    })()
    if (res.status === 401) throw new VendorError('bad_credentials', `ExakTime (Arcoro) no longer accepts these credentials. ${keyHint(ctx.credentials)}`, { status: 401 })
    if (res.status === 403) throw new VendorError('forbidden', `These ExakTime credentials may not read ${what}. In Arcoro's Hub, give the API key access to it (read-only is enough).`, { status: 403 })
    if (!res.ok) throw new VendorError('bad_response', `ExakTime answered ${res.status} when reading ${what}: ${(vendorMessage ?? text).slice(0, 200)}`, { status: res.status })
    try {
      return JSON.parse(text)
    } catch {
      throw new VendorError('bad_response', `ExakTime answered ${what} with something that is not JSON (a truncated or HTML page).`)
    }
  }
}

/** Rows a page must hold by its own `total_count`; undefined when the answer does not say. */
export function expectedRows(body: Partial<RestPage<unknown>>, page: number, pageSize: number): number | undefined {
  if (typeof body.total_count !== 'number') return undefined
  return Math.max(0, Math.min(pageSize, body.total_count - (page - 1) * pageSize))
}

const INCOMPLETE_PAGE_RETRIES = 2

/**
 * One page of a REST list. A page holding fewer rows than its own `total_count` says it must was cut short
 * on the way: taking it would skip records (and let the pass's presence check delete them), so it is asked
 * for again, and if it stays short the step stops and the next one resumes from this page.
 */
export async function restPage<T>(ctx: ExakTimeContext, path: string, page: number, pageSize: number, what: string): Promise<RestPage<T>> {
  for (let attempt = 0; ; attempt++) {
    const body = (await getJson(ctx, `${path}?page=${page}&page_size=${pageSize}`, what)) as Partial<RestPage<T>> | null
    if (!body || !Array.isArray(body.data)) throw new VendorError('bad_response', `ExakTime answered ${what} without a list of data.`)
    const expected = expectedRows(body, page, pageSize)
    if (expected !== undefined && body.data.length < expected) {
      if (attempt < INCOMPLETE_PAGE_RETRIES) continue
      throw new VendorError('vendor_down', `ExakTime returned an incomplete page of ${what} (${body.data.length} of ${expected} rows).`)
    }
    return { data: body.data, page: body.page ?? page, page_size: body.page_size ?? pageSize, next_page: body.next_page ?? null }
  }
}

export interface ODataQuery {
  filter?: string
  select?: string
  orderby?: string
  top: number
  skip?: number
}

export async function odata<T>(ctx: ExakTimeContext, set: string, query: ODataQuery): Promise<T[]> {
  const params = new URLSearchParams()
  if (query.filter) params.set('$filter', query.filter)
  if (query.select) params.set('$select', query.select)
  if (query.orderby) params.set('$orderby', query.orderby)
  params.set('$top', String(query.top))
  if (query.skip) params.set('$skip', String(query.skip))
  const body = (await getJson(ctx, `/odata/${set}?${params}`, `${set} (time data)`)) as { value?: unknown } | null
  if (!body || !Array.isArray(body.value)) throw new VendorError('bad_response', `ExakTime's warehouse answered ${set} without a value list.`)
  return body.value as T[]
}

/**
 * Every row of a small warehouse query, following `$skip`. A short page normally ends the list, but a page
 * cut short in transit would silently lose approvals (and make final time look unapproved), so one cheap
 * probe confirms the end.
 */
export async function odataAll<T>(ctx: ExakTimeContext, set: string, query: Omit<ODataQuery, 'top' | 'skip'>): Promise<T[]> {
  const all: T[] = []
  for (;;) {
    const rows = await odata<T>(ctx, set, { ...query, top: 1000, skip: all.length })
    all.push(...rows)
    if (rows.length === 1000) continue
    if (!rows.length || !(await odata<T>(ctx, set, { ...query, top: 1, skip: all.length })).length) return all
  }
}
