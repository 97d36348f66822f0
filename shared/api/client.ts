/**
 * A typed client generated from the contract: `call('login', { body })` is checked against the same zod
 * schemas the worker validates with. Runs wherever `fetch` exists (extension background, tests, Node).
 * @module
 */
import type { z } from 'zod'
import { type Contract, contract, type EndpointName } from './contract'
import { ErrorBody } from './errors'

type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name | keyof PathParams<`/${Rest}`>]: string }
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>

type Input<E> = (E extends { body: z.ZodType } ? { body: z.input<E['body']> } : { body?: undefined }) &
  (E extends { query: z.ZodType } ? { query?: z.input<E['query']> } : { query?: undefined }) &
  (E extends { path: infer P extends string }
    ? keyof PathParams<P> extends never
      ? { params?: undefined }
      : { params: PathParams<P> }
    : never)

export type ResponseOf<N extends EndpointName> = z.output<Contract[N]['response']>
export type InputOf<N extends EndpointName> = Input<Contract[N]>

/** An API answer that was not 2xx, carrying the server's error code and message. */
export class ApiError extends Error {
  /** How long the server asked us to wait (`Retry-After`, usually on 429), in whole seconds. */
  readonly retryAfterSeconds?: number

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds
  }
}

/** `Retry-After` as seconds from `now`: the header may hold seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined
  const text = header.trim()
  if (/^\d+$/.test(text)) return Number(text)
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

export interface ClientOptions {
  baseUrl: string
  token?: () => string | null | undefined | Promise<string | null | undefined>
  fetch?: typeof fetch
}

export function buildPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(value)
  })
}

export function createApiClient(options: ClientOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  return async function call<N extends EndpointName>(name: N, ...[input]: OptionalIfEmpty<InputOf<N>>): Promise<ResponseOf<N>> {
    const e: { method: string; path: string; auth: boolean } = contract[name]
    // Through unknown: TypeScript gives up on the union of every endpoint's input once the contract is large.
    const args = ((input as unknown) ?? {}) as { body?: unknown; query?: Record<string, unknown>; params?: Record<string, string> }
    const url = new URL(buildPath(e.path, args.params), options.baseUrl)
    for (const [key, value] of Object.entries(args.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value))
    }
    const headers: Record<string, string> = { accept: 'application/json' }
    if (args.body !== undefined) headers['content-type'] = 'application/json'
    if (e.auth) {
      const token = await options.token?.()
      if (token) headers.authorization = `Bearer ${token}`
    }
    const res = await doFetch(url.toString(), {
      method: e.method,
      headers,
      body: args.body === undefined ? undefined : JSON.stringify(args.body),
    })
    const text = await res.text()
    // The payroll export answers text/csv; its contract schema describes the text itself.
    if (res.ok && /^text\/csv\b/i.test(res.headers.get('content-type') ?? '')) return contract[name].response.parse(text) as ResponseOf<N>
    let json: unknown
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      throw new ApiError(res.status, 'bad_response', `The server answered ${res.status} with a body that is not JSON.`)
    }
    if (!res.ok) {
      const wait = { retryAfterSeconds: parseRetryAfter(res.headers.get('retry-after')) }
      const parsed = ErrorBody.safeParse(json)
      if (parsed.success) throw new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, wait)
      throw new ApiError(res.status, 'http_error', `The server answered ${res.status}.`, wait)
    }
    return contract[name].response.parse(json) as ResponseOf<N>
  }
}

type OptionalIfEmpty<T> = {} extends T ? [input?: T] : [input: T]
export type ApiClient = ReturnType<typeof createApiClient>
