/**
 * Reads Arcoro: REST (`/v1/...`) and the OData warehouse (`/odata/Dw*`), with the API key presented as
 * `key-flow.ts` says (the one assumed item of the key flow). HTTP errors become VendorErrors a person can act on;
 * 429s and 5xx are retried by the engine's VendorHttp.
 * @module
 */
import type { SyncContext } from '../../sync/connector'
import { VendorError } from '../../sync/vendor-error'
import { keyHeaders, keyRefusal, requireApiKey, unreachable } from './key-flow'
import { ARCORO_API_URL, type ExakTimeCredentials, type ExakTimeSettings } from './settings'
import { REST_PAGING, type RestPage } from './types'

export type ExakTimeContext = SyncContext<ExakTimeCredentials, ExakTimeSettings>

export const apiBase = (settings: ExakTimeSettings) => (settings.baseUrl ?? ARCORO_API_URL).replace(/\/+$/, '')

async function getJson(ctx: ExakTimeContext, path: string, what: string): Promise<unknown> {
  requireApiKey(ctx.credentials)
  const base = apiBase(ctx.settings)
  let res: Response
  try {
    res = await ctx.http.fetch(`${base}${path}`, { headers: { ...keyHeaders(ctx.credentials.apiKey), accept: 'application/json' } })
  } catch (err) {
    // No answer at all (the engine's VendorHttp sets a status only when there was one).
    if (err instanceof VendorError && err.kind === 'vendor_down' && err.options.status === undefined) throw unreachable(new URL(base).host, err)
    throw err
  }
  const text = await res.text()
  const vendorMessage = (() => {
    try {
      return (JSON.parse(text) as { error?: { message?: string } }).error?.message
    } catch {
      return undefined
    }
  })()
  const refusal = keyRefusal(res.status, what)
  if (refusal) throw refusal
  if (!res.ok) throw new VendorError('bad_response', `ExakTime answered ${res.status} when reading ${what}: ${(vendorMessage ?? text).slice(0, 200)}`, { status: res.status })
  try {
    return JSON.parse(text)
  } catch {
    throw new VendorError('bad_response', `ExakTime answered ${what} with something that is not JSON (a truncated or HTML page).`)
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
    const body = (await getJson(ctx, `${path}?${REST_PAGING.page}=${page}&${REST_PAGING.pageSize}=${pageSize}`, what)) as Partial<RestPage<T>> | null
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
  const body = (await getJson(ctx, `/odata/${set}?${params}`, `${set} (ExakTime's data warehouse)`)) as { value?: unknown } | null
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
