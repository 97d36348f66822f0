/**
 * fast-check arbitraries of hostile requests for one route: a valid request with one body field, query parameter
 * or path parameter made hostile (or removed, or an extra one added), a hostile body as a whole, a wrong
 * Content-Type, and callers of every role or none.
 * @module
 */
import fc from 'fast-check'
import type { Role } from '../../../shared/api/auth'
import { fillPath, type ApiRoute } from '../api-surface'
import { badAuthorization, contentTypes, hostileBodyText, hostileString, hostileValue } from './hostile-values'
import { isJsonObjectText, toJsonText } from './json-text'
import { untouchable, type ValidRequest } from './valid-requests'

export type Caller = { role: Role } | { authorization: string | undefined }

export interface FuzzRequest {
  /** Which kind of hostility, for the per-route distribution. */
  mode: string
  method: string
  url: string
  contentType?: string
  body?: string
  caller: Caller
  /** The request cannot be right whatever the server holds (bad JSON, not JSON, not an object): it must get a 4xx. */
  mustBeRefused: boolean
}

type Path = Array<string | number>

/** Every node of a JSON value below the root, as key paths. */
function nodePaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...nodePaths(v, [...prefix, i])])
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...nodePaths(v, [...prefix, k])])
  return []
}

/** Object nodes (the root included), where an extra key can go. */
function objectPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...prefix, i]))
  if (value !== null && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...prefix, k]))]
  return []
}

/** Sets an own property, even one named `__proto__` (plain assignment would set the prototype instead). */
const put = (target: Record<string | number, unknown>, key: string | number, value: unknown) =>
  void Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })

const dotted = (path: Path) => path.filter((p) => typeof p === 'string').join('.')

function edit(body: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(body)
  let node = copy as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  change(node, path.at(-1)!)
  return copy
}

/** encodeURIComponent, except that lone surrogates become the (invalid) UTF-8 bytes of the surrogate itself. */
export function encodeHostile(text: string): string {
  let out = ''
  for (const char of text) {
    const unit = char.charCodeAt(0)
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) out += `%ED%${(0xa0 | ((unit >> 6) & 0x0f)).toString(16).toUpperCase()}%${(0x80 | (unit & 0x3f)).toString(16).toUpperCase()}`
    else out += encodeURIComponent(char)
  }
  return out
}

/** Raw path segments and query strings no encoder would produce. */
const RAW_SEGMENTS = ['%', '%ZZ', '%00', '%2F', '%2e%2e', '..%2F..%2Fhealth', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%FF', '%25', ';', ',', '%20', '~', '%F0%9F%98%80']
const RAW_QUERIES = ['%', '%ZZ=1', '=', '&&&', '?', 'limit=1&limit=2', 'limit', 'status[]=open', 'a[b][c]=1', `${'x='.repeat(2000)}`, 'limit=%00', '__proto__[admin]=1', '%ED%A0%80=%ED%A0%80']

const isJsonMediaType = (contentType: string | undefined) => {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  return media === 'application/json' || media.endsWith('+json')
}

const caller: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 75, arbitrary: fc.constant({ role: 'admin' as const }) },
  { weight: 20, arbitrary: fc.constantFrom<Role>('manager', 'crew_lead', 'worker').map((role) => ({ role })) },
  { weight: 5, arbitrary: badAuthorization.map((authorization) => ({ authorization })) },
)

const extraKey = fc.oneof(fc.constantFrom('isAdmin', 'orgId', 'id', '__proto__', 'constructor', 'role', 'userId', 'deletedAt', ''), hostileString.filter((s) => s.length < 100))

const query = (q: Record<string, string> | undefined) =>
  q && Object.keys(q).length ? `?${Object.entries(q).map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(v)}`).join('&')}` : ''

/** The hostile requests of one route, from its valid requests. */
export function requestArbitrary(route: ApiRoute, valids: ValidRequest[]): fc.Arbitrary<FuzzRequest> {
  const takesBody = route.endpoint.body !== undefined
  const hasQuery = route.endpoint.query !== undefined
  const canSendBody = route.method !== 'GET'
  const path = (v: ValidRequest) => fillPath(route.path, v.params ?? {})

  const request = (mode: string, v: ValidRequest, parts: { path?: string; query?: string; body?: string; contentType?: string | null }, who: Caller): FuzzRequest => {
    const body = parts.body ?? (v.body !== undefined ? toJsonText(v.body) : undefined)
    const contentType = parts.contentType === null ? undefined : (parts.contentType ?? (body !== undefined ? 'application/json' : undefined))
    const mustBeRefused = takesBody && (!isJsonMediaType(contentType) || body === undefined || !isJsonObjectText(body))
    return { mode, method: route.method, url: `${parts.path ?? path(v)}${parts.query ?? query(v.query)}`, contentType, body, caller: who, mustBeRefused }
  }

  const modes: Array<{ weight: number; arbitrary: fc.Arbitrary<FuzzRequest> }> = []
  const valid = fc.constantFrom(...valids)
  modes.push({ weight: 1, arbitrary: fc.tuple(valid, caller).map(([v, who]) => request('valid', v, {}, who)) })

  if (route.params.length) {
    const segment = fc.oneof({ weight: 3, arbitrary: hostileString.map(encodeHostile) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) })
    modes.push({
      weight: 2,
      arbitrary: fc.tuple(valid, fc.constantFrom(...route.params), segment, caller).map(([v, name, raw, who]) =>
        request('path', v, { path: fillPath(route.path, Object.fromEntries(route.params.map((p) => [p, p === name ? raw : encodeURIComponent(v.params![p]!)])), true) }, who),
      ),
    })
  }

  if (hasQuery) {
    const field = fc.tuple(valid, caller).chain(([v, who]) => {
      const keys = Object.keys(v.query ?? {})
      const replace = keys.length
        ? fc.tuple(fc.constantFrom(...keys), hostileString).map(([k, s]) => request('query-field', v, { query: query({ ...v.query, [k]: s }) }, who))
        : fc.constant(request('query-field', v, {}, who))
      const drop = keys.length
        ? fc.constantFrom(...keys).map((k) => request('query-field', v, { query: query(Object.fromEntries(Object.entries(v.query!).filter(([key]) => key !== k))) }, who))
        : fc.constant(request('query-field', v, {}, who))
      const extra = fc.tuple(fc.oneof(fc.constantFrom('status', 'limit', 'vendor', 'period', 'jobId', 'connectionId', 'externalId'), extraKey), hostileString).map(([k, s]) =>
        request('query-field', v, { query: `${query(v.query) || '?'}&${encodeHostile(k)}=${encodeHostile(s)}` }, who),
      )
      return fc.oneof({ weight: 4, arbitrary: replace }, { weight: 1, arbitrary: drop }, { weight: 2, arbitrary: extra })
    })
    const whole = fc.tuple(valid, fc.constantFrom(...RAW_QUERIES), caller).map(([v, raw, who]) => request('query-raw', v, { query: `?${raw}` }, who))
    modes.push({ weight: 6, arbitrary: field }, { weight: 1, arbitrary: whole })
  }

  if (takesBody) {
    const withBody = valids.filter((v) => v.body !== undefined)
    const bodied = fc.constantFrom(...withBody)
    const field = fc.tuple(bodied, caller).chain(([v, who]) => {
      const paths = nodePaths(v.body).filter((p) => !untouchable.has(dotted(p)))
      const replace = fc.tuple(fc.constantFrom(...paths), hostileValue).map(([p, value]) =>
        request('body-field', v, { body: toJsonText(edit(v.body, p, (parent, key) => put(parent, key, value))) }, who),
      )
      const remove = fc.constantFrom(...paths).map((p) =>
        request('body-missing', v, { body: toJsonText(edit(v.body, p, (parent, key) => (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key]))) }, who),
      )
      const extra = fc.tuple(fc.constantFrom(...objectPaths(v.body)), extraKey, hostileValue).map(([p, key, value]) =>
        request('body-extra', v, { body: toJsonText(edit(v.body, [...p, key], (parent, k) => put(parent, k, value))) }, who),
      )
      return fc.oneof({ weight: 6, arbitrary: replace }, { weight: 2, arbitrary: remove }, { weight: 2, arbitrary: extra })
    })
    const whole = fc.tuple(valid, hostileBodyText, caller).map(([v, body, who]) => request('body-whole', v, { body }, who))
    const type = fc.tuple(bodied, contentTypes, caller).map(([v, contentType, who]) => request('content-type', v, { contentType: contentType ?? null }, who))
    modes.push({ weight: 10, arbitrary: field }, { weight: 2, arbitrary: whole }, { weight: 1, arbitrary: type })
  } else if (canSendBody) {
    // Routes without a body must ignore one, whatever it is.
    modes.push({ weight: 1, arbitrary: fc.tuple(valid, hostileBodyText, caller).map(([v, body, who]) => request('body-unexpected', v, { body }, who)) })
  }
  return fc.oneof(...modes)
}
